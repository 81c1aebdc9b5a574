import Testing
@testable import LessonModel

// Errors about names, functions and statements that need the whole block in view. The fence is on line 1.

@Test func unknownFunctionSuggestsTheClosest() {
    #expect(graphErrors("x = 1\ny = sigmod(x)\n") == ["t.md:3:5: error: unknown function 'sigmod'; did you mean 'sigmoid'?"])
}

@Test func unknownFunctionWithNothingCloseListsTheFunctions() {
    #expect(graphErrors("x = 1\ny = fourier(x)\n") == [
        "t.md:3:5: error: unknown function 'fourier'; the functions are exp, log, sigmoid, tanh, relu, sqrt, abs, sum, mean, max, min, softmax, log_softmax, logsumexp, transpose, where, clip, reshape, concat, embedding, layer_norm, batch_norm, conv2d, max_pool, avg_pool, dropout and the losses bce_logits, softmax_cross_entropy",
    ])
}

@Test func wrongNumberOfArguments() {
    // max(x) is the largest element now; a call with no argument still names both uses.
    #expect(graphErrors("x = 1\ny = max()\n")
            == ["t.md:3:5: error: max takes one tensor (max(x), max(x, axis: 1)) or two or more to compare elementwise (max(a, b), max(a, b, c)), got 0"])
    #expect(graphErrors("x = 1\ny = sigmoid()\n") == ["t.md:3:5: error: sigmoid expects 1 argument, got 0"])
}

@Test func tooManyArgumentsForAOneArgumentFunction() {
    #expect(graphErrors("x = 1\ny = exp(x, x)\n") == ["t.md:3:5: error: exp expects 1 argument, got 2"])
}

@Test func functionUsedAsAValue() {
    #expect(graphErrors("x = 1\ny = x + exp\n") == ["t.md:3:9: error: 'exp' is a function; call it like 'exp(x)'"])
}

@Test func undefinedName() {
    #expect(graphErrors("x = 1\ny = z * 2\n") == ["t.md:3:5: error: undefined name 'z'"])
}

@Test func undefinedNameSuggestsACloseDefinedName() {
    #expect(graphErrors("rate = 1\ny = rat * 2\n") == ["t.md:3:5: error: undefined name 'rat'; did you mean 'rate'?"])
}

@Test func undefinedNameSuggestsADifferentlyCasedName() {
    #expect(graphErrors("W = 1\ny = w * 2\n") == ["t.md:3:5: error: undefined name 'w'; did you mean 'W'?"])
}

@Test func undefinedNameIsReportedOnce() {
    #expect(graphErrors("y = z * z\n") == ["t.md:2:5: error: undefined name 'z'"])
}

@Test func nameUsedBeforeItsAssignment() {
    #expect(graphErrors("y = x * 2\nx = 1\n") == ["t.md:2:5: error: 'x' is used before it is assigned on line 3"])
}

@Test func nameAssignedTwice() {
    #expect(graphErrors("x = 1\ny = 2\nx = 3\n") == ["t.md:4:1: error: 'x' is already assigned on line 2"])
}

@Test func assigningToAFunctionName() {
    #expect(graphErrors("exp = 2\n") == ["t.md:2:1: error: cannot assign to 'exp': it is the name of a function"])
}

@Test func assigningToTheParamKeyword() {
    #expect(graphErrors("param = 1\n")
            == ["t.md:2:1: error: cannot assign to 'param': it is the keyword that declares a parameter, as in 'param w = 0.5'"])
}

@Test func paramNeedsALiteral() {
    #expect(graphErrors("x = 1\nparam w = 2 * x\n")
            == ["t.md:3:11: error: a param must be given a literal value, like 'param w = [0.5, -0.3]'"])
}

@Test func assignmentThatOnlyRenames() {
    #expect(graphErrors("x = 1\ny = x\n") == ["t.md:3:5: error: 'y = x' only gives x a second name; use 'x' directly"])
}

@Test func errorsMeanNoProgram() {
    #expect(BlockLanguage.parseGraph(graphBlock("x = 1\ny = z\n"), path: "t.md").0 == nil)
}

@Test func renamingAnUndefinedNameReportsTheUndefinedName() {
    #expect(graphErrors("x = 1\ny = p\n") == ["t.md:3:5: error: undefined name 'p'"])
}
