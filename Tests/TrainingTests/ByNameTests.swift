import Autodiff
import Testing
import Training

// Initializers and optimizer rules by the names lessons write, with their errors.

@Test("initializers by name take their numbers, then the shape")
func initializersByName() throws {
    var a = SeededRandom(seed: 3), b = SeededRandom(seed: 3)
    #expect(try Initializers.make("uniform", arguments: [0, 1], shape: .matrix(2, 3), using: &a)
            == Initializers.uniform(0, 1, shape: .matrix(2, 3), using: &b))
    #expect(try Initializers.make("xavier", arguments: [], shape: .vector(2), using: &a)
            == Initializers.xavier(shape: .vector(2), using: &b))
    #expect(try Initializers.make("zeros", arguments: [], shape: .scalar, using: &a).scalars == [0])
}

@Test("initializer names and argument counts are checked")
func initializerByNameErrors() {
    var rng = SeededRandom(seed: 0)
    #expect(argumentMessage { try Initializers.make("unifrom", arguments: [0, 1], shape: .scalar, using: &rng) }
            == "there is no initializer named 'unifrom'. Did you mean 'uniform'? Initializers: uniform, normal, xavier, he, zeros.")
    #expect(argumentMessage { try Initializers.make("uniform", arguments: [0], shape: .scalar, using: &rng) }
            == "uniform takes 2 numbers (low, high) and then a shape, got 1 number before the shape")
    #expect(argumentMessage { try Initializers.make("he", arguments: [1, 2], shape: .scalar, using: &rng) }
            == "he takes only a shape, got 2 numbers before the shape")
}

@Test("optimizer rules by name: defaults fill in, lr is required")
func optimizersByName() throws {
    #expect(try OptimizerRule.make("sgd", arguments: [("lr", 0.1)]) == .sgd(lr: 0.1))
    #expect(try OptimizerRule.make("momentum", arguments: [("lr", 0.1)]) == .momentum(lr: 0.1, beta: 0.9))
    #expect(try OptimizerRule.make("adam", arguments: [("eps", 1e-6), ("lr", 0.01)]) == .adam(lr: 0.01, eps: 1e-6))
}

@Test("optimizer names, arguments and values are checked")
func optimizerByNameErrors() {
    #expect(argumentMessage { try OptimizerRule.make("adma", arguments: [("lr", 0.1)]) }
            == "there is no optimizer named 'adma'. Did you mean 'adam'? Optimizers: sgd, momentum, nesterov, adam, adamw, rmsprop.")
    #expect(argumentMessage { try OptimizerRule.make("sgd", arguments: []) } == "sgd needs a learning rate: write sgd(lr: 0.1)")
    #expect(argumentMessage { try OptimizerRule.make("momentum", arguments: [("lr", 0.1), ("betta", 0.5)]) }
            == "momentum has no argument 'betta'. Did you mean 'beta'? It takes lr, beta, weight_decay.")
    #expect(argumentMessage { try OptimizerRule.make("sgd", arguments: [("lr", 0.1), ("lr", 0.2)]) } == "lr is given twice")
    #expect(argumentMessage { try OptimizerRule.make("adam", arguments: [("lr", -1)]) } == "lr must be greater than 0, got -1")
}
