import Autodiff
import Operations
import Testing

// A training step nobody looks at computes only the gradients on the way to a parameter
// (`Plan.backward(parametersOnly:)`): the parameters' gradients must be the full pass's, bit for
// bit, at every step, with dropout drawing each step's mask (a stale mask in the partial pass
// once trained the dropout models of FrameworkProgramTests on the wrong masks).

@Test func aParametersOnlyPassGivesTheFullPassesParameterGradients() throws {
    var g = GraphBuilder()
    let x = g.leaf(.input, value: try Tensor(matrix: [[1, 2, 3], [-1, 0.5, 2], [0, 1, -2], [3, -1, 1]]))
    let w = g.leaf(.parameter, value: try Tensor(matrix: [[0.5, -1], [0.25, 2], [-0.75, 1]]))
    let scaled = try g.apply(.multiply, x, g.leaf(.constant, value: Tensor(scalar: 2)))  // data only: left out
    let h = try g.apply(.dropout(p: 0.5, seed: 7), try g.apply(.matmul, scaled, w))
    let loss = try g.apply(.sum, try g.apply(.power(2), h))
    let plan = try Plan(g, output: loss)
    for step in 0..<4 {
        plan.drawDropoutMasks(step: step)
        plan.forward()
        plan.backward()
        let full = try #require(plan.gradient(w)).scalars
        plan.backward(parametersOnly: true)
        #expect(try #require(plan.gradient(w)).scalars == full, "step \(step)")
        #expect(try #require(plan.gradient(x)).scalars.allSatisfy { $0 == 0 }, "no gradient for the data")
    }
}

@Test func aConvolutionOverDataGivesItsKernelTheFullPassesGradient() throws {
    var g = GraphBuilder()
    let image = g.leaf(.input, value: try Tensor(matrix: [[1, 2, 0, -1], [0.5, -2, 3, 1], [2, 1, -1, 0], [1, 0, 2, -3]]))
    let kernel = g.leaf(.parameter, value: try Tensor(matrix: [[0.5, -1], [0.25, 2], [1, 0], [-0.5, 0.75]]))
    let maps = try g.apply(.conv2d(WindowOption(outChannels: 2)), image, kernel)
    let loss = try g.apply(.sum, try g.apply(.power(2), try g.apply(.maxPool(WindowOption(size: 3, stride: 3, inChannels: 2, outChannels: 2)), maps)))
    let plan = try Plan(g, output: loss)
    plan.forward()
    plan.backward()
    let full = try #require(plan.gradient(kernel)).scalars
    plan.backward(parametersOnly: true)
    #expect(try #require(plan.gradient(kernel)).scalars == full)
    #expect(try #require(plan.gradient(image)).scalars.allSatisfy { $0 == 0 })
}
