import Autodiff
import Operations
import Testing

// The op registry is the list of what must be checked: every operation has a finite-difference
// check in this target, found through its family (the switch is exhaustive, so a new family does
// not compile until it is given one) and, within a family, by name in that family's list.

/// The operations each family's finite-difference tests cover.
func finiteDifferenceCoverage(_ family: Operation.Family) -> Set<Operation> {
    switch family {
    case .binary: Set(binaryCases.compactMap { $0.op.operation })
    case .unary: Set(unaryCases.compactMap { $0.op.operation })
    case .matmul: [.matmul]                               // matmulGradient
    case .reduction: Set([.sum, .mean] + axisCases.compactMap { $0.op.operation })  // reductionGradient, axisGradient
    case .normalization: Set((axisCases + normCases).compactMap { $0.op.operation }.filter { $0.family == .normalization })
    case .transpose: [.transpose]                         // transposeGradient
    case .loss: [.bceLogits, .softmaxCrossEntropy]        // LossGradientTests
    case .ternary: Set(ternaryCases.compactMap { $0.op.operation })  // TernaryGradientTests
    case .reshape: [.reshape]                             // reshapeGradient
    case .index: [.index]                                 // indexGradient
    case .concat: [.concat]                               // concatGradient
    case .embedding: [.embedding]                         // embeddingGradient
    case .convolution, .pooling: Set(windowCases.compactMap { $0.op.operation })  // windowGradient
    }
}

@Test("every operation of the registry is checked against finite differences", arguments: Operation.allCases)
func everyOperationIsChecked(_ operation: Operation) {
    #expect(finiteDifferenceCoverage(operation.family).contains(operation),
            "\(operation.traceName) has no finite-difference check: add it to its family's cases")
}

@Test("engine ops and registry operations map one to one", arguments: Operation.allCases)
func engineOpRoundTrips(_ operation: Operation) {
    let op = Op(operation, exponent: 2)
    #expect(op.operation == operation)
    #expect(op.name == operation.traceName)
    #expect(op.arity == operation.arity)
    #expect(Operation(traceName: op.name) == operation)
}
