import Autodiff
import Testing
import Training

// Built-in data sets: exact truth tables, seeded noise, and errors (exact messages: they reach
// teachers).

/// The message of the ArgumentError thrown by `body`; nil if it did not throw, and a note if
/// it threw something else.
func argumentMessage<T>(_ body: () throws -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as ArgumentError {
        return error.message
    } catch {
        return "not an ArgumentError: \(error)"
    }
}

@Test("xor, and, or are the four rows of their truth tables in counting order")
func truthTables() throws {
    let inputs: [Double] = [0, 0, 0, 1, 1, 0, 1, 1]
    for (data, outputs) in [(try Datasets.xor(), [0.0, 1, 1, 0]), (try Datasets.and(), [0, 0, 0, 1]), (try Datasets.or(), [0, 1, 1, 1])] {
        #expect(data.X == (try Tensor(shape: .matrix(4, 2), scalars: inputs)))
        #expect(data.y == (try Tensor(shape: .matrix(4, 1), scalars: outputs)), "\(data.name)")
    }
}

@Test("defaults: moons 200×2, circles 200×2, spiral 300×2 with 3 one-hot columns, line 50×1, sine 100×1")
func defaultShapes() throws {
    #expect(try Datasets.moons().X.shape == .matrix(200, 2) && Datasets.moons().y.shape == .matrix(200, 1))
    #expect(try Datasets.circles().X.shape == .matrix(200, 2))
    let spiral = try Datasets.spiral()
    #expect(spiral.X.shape == .matrix(300, 2) && spiral.y.shape == .matrix(300, 3))
    #expect(try Datasets.line().X.shape == .matrix(50, 1) && Datasets.sine().y.shape == .matrix(100, 1))
}

@Test("the same seed gives the same noisy data; another seed other data")
func noiseIsSeeded() throws {
    #expect(try Datasets.moons(seed: 3) == Datasets.moons(seed: 3))
    #expect(try Datasets.moons(seed: 3).X != Datasets.moons(seed: 4).X)
    #expect(try Datasets.spiral(seed: 1) == Datasets.make("spiral", seed: 1))
}

@Test("moons' noise has the requested standard deviation (0.1 within 10%, 400 draws)")
func noiseHasRequestedScale() throws {
    let clean = try Datasets.moons(noise: 0), noisy = try Datasets.moons(noise: 0.1, seed: 11)
    let residuals = zip(noisy.X.scalars, clean.X.scalars).map { $0 - $1 }
    let std = (residuals.map { $0 * $0 }.reduce(0, +) / Double(residuals.count)).squareRoot()
    #expect(abs(std - 0.1) < 0.01, "std \(std)")
}

@Test("spiral splits n unevenly by giving the first classes one more point each")
func spiralClassSizes() throws {
    let data = try Datasets.spiral(n: 11, classes: 3, noise: 0)
    let perClass = (0..<3).map { j in stride(from: j, to: 33, by: 3).filter { data.y.scalars[$0] == 1 }.count }
    #expect(perClass == [4, 4, 3])
}

@Test("bad arguments are errors naming the argument and the allowed values")
func datasetArgumentErrors() {
    #expect(argumentMessage { try Datasets.moons(n: 0) } == "n must be between 1 and 100,000, got 0")
    #expect(argumentMessage { try Datasets.sine(n: 100_001) } == "n must be between 1 and 100,000, got 100,001")
    #expect(argumentMessage { try Datasets.moons(noise: -0.5) } == "noise must be at least 0, got -0.5")
    #expect(argumentMessage { try Datasets.line(noise: .nan) } == "noise must be a finite number, got nan")
    #expect(argumentMessage { try Datasets.circles(factor: 1) } == "factor must be at least 0 and below 1, got 1")
    #expect(argumentMessage { try Datasets.spiral(classes: 1) } == "classes must be between 2 and 10, got 1")
    #expect(argumentMessage { try Datasets.spiral(classes: 11) } == "classes must be between 2 and 10, got 11")
    #expect(argumentMessage { try Datasets.spiral(n: 2, classes: 3) }
            == "spiral needs at least one point per class: n = 2 is less than classes = 3")
    #expect(argumentMessage { try Datasets.line(slope: .infinity) } == "slope must be a finite number, got inf")
}

@Test("by name: unknown names and arguments get a did-you-mean; counts must be whole")
func datasetByNameErrors() {
    #expect(argumentMessage { try Datasets.make("moon") }
            == "there is no built-in data set named 'moon'. Did you mean 'moons'? Built in: xor, and, or, moons, circles, spiral, line, sine.")
    #expect(argumentMessage { try Datasets.make("moons", arguments: [("nosie", 0.2)]) }
            == "moons has no argument 'nosie'. Did you mean 'noise'? It takes n, noise, seed.")
    #expect(argumentMessage { try Datasets.make("xor", arguments: [("n", 4)]) } == "xor has no argument 'n'. It takes no arguments.")
    #expect(argumentMessage { try Datasets.make("sine", arguments: [("n", 2.5)]) } == "n must be a whole number, got 2.5")
    #expect(argumentMessage { try Datasets.make("sine", arguments: [("n", 5), ("n", 6)]) } == "n is given twice")
    #expect(argumentMessage { try Datasets.make("spiral", arguments: [("classes", 2.5)]) } == "classes must be a whole number, got 2.5")
}

@Test("by name: arguments override defaults and seed may be given as an argument")
func datasetByName() throws {
    #expect(try Datasets.make("moons", arguments: [("n", 10), ("noise", 0.3)], seed: 5) == Datasets.moons(n: 10, noise: 0.3, seed: 5))
    #expect(try Datasets.make("line", arguments: [("seed", 9)], seed: 1) == Datasets.line(seed: 9))
    #expect(try Datasets.make("xor") == Datasets.xor())
    #expect(Datasets.parameters(of: "circles")?.map(\.name) == ["n", "noise", "factor", "seed"])
    #expect(Datasets.names.allSatisfy { Datasets.parameters(of: $0) != nil })
}

@Test("an argument error names its argument so a lesson can point at it")
func argumentErrorsNameTheArgument() {
    do {
        _ = try Datasets.moons(noise: -1)
    } catch {
        #expect(error.argument == "noise")
    }
}
