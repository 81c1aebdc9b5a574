import Testing
@testable import Training

@Test func aModelFitsThePageOnlyWithEveryExampleInEveryStepAndWithinTheBudget() {
    // The shipped XOR lesson: 9 parameters, 4 examples, 50,000 steps.
    #expect(RetrainSource.fits(examples: 4, batch: 4, split: false, parameterCount: 9, steps: 50_000))
    #expect(RetrainSource.fits(examples: 4, batch: 4, split: false, parameterCount: 10, steps: 50_000))   // exactly the budget
    #expect(!RetrainSource.fits(examples: 4, batch: 4, split: false, parameterCount: 10, steps: 50_001))
    #expect(!RetrainSource.fits(examples: 4, batch: 2, split: false, parameterCount: 9, steps: 10))      // mini-batches
    #expect(!RetrainSource.fits(examples: 4, batch: 4, split: true, parameterCount: 9, steps: 10))       // a validation split
    #expect(!RetrainSource.fits(examples: 0, batch: 0, split: false, parameterCount: 9, steps: 10))
    #expect(!RetrainSource.fits(examples: Int.max, batch: Int.max, split: false, parameterCount: Int.max, steps: Int.max))
}

@Test func theReaderMayAskForAsManyStepsAsTheBudgetAllows() {
    let source = RetrainSource(plan: "{}", loss: 0, parameters: [1], examples: 4, parameterCount: 9)
    #expect(source.maxSteps == 55_555)
    #expect(RetrainSource.fits(examples: 4, batch: 4, split: false, parameterCount: 9, steps: source.maxSteps))
    #expect(!RetrainSource.fits(examples: 4, batch: 4, split: false, parameterCount: 9, steps: source.maxSteps + 1))
}
