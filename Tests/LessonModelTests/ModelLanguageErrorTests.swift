import Testing
@testable import LessonModel

// Model-block errors: one test per kind, each with the exact `path:line:col: error: message`.
// The fence is on line 1, so the first source line is line 2.

/// A block around one line under test (line 2): data, a parameter, a loss and a train line.
func withModel(_ line: String) -> String {
    lines(line, "param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)", "train sgd(lr: 0.1) epochs 10")
}

/// A block with data and a loss around one train line (line 4).
private func withTrain(_ line: String) -> String {
    lines("data xor", "param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)", line)
}

// MARK: data

@Test func unknownDataSetSuggestsTheClosest() {
    #expect(modelErrors(withModel("data xr")) == ["t.md:2:6: error: unknown data set 'xr'; did you mean 'xor'?"])
}

@Test func unknownDataSetListsTheSets() {
    #expect(modelErrors(withModel("data iris")) == [
        "t.md:2:6: error: unknown data set 'iris'; the data sets are xor, and, or, moons, circles, spiral, line, sine, csv",
    ])
}

@Test func unknownDataArgumentListsTheValidOnes() {
    #expect(modelErrors(withModel("data moons(n: 100, noize: 0.1)"))
            == ["t.md:2:20: error: 'moons' has no argument 'noize'; its arguments are n, noise"])
}

@Test func dataSetWithoutArgumentsTakesNone() {
    #expect(modelErrors(withModel("data xor(n: 4)")) == ["t.md:2:10: error: 'xor' takes no arguments"])
}

@Test func duplicateDataArgument() {
    #expect(modelErrors(withModel("data moons(n: 100, n: 200)")) == ["t.md:2:20: error: argument 'n' is given twice"])
}

@Test func dataArgumentsAreNamed() {
    #expect(modelErrors(withModel("data moons(100)"))
            == ["t.md:2:12: error: name the arguments of 'moons', as in 'moons(n: ..., noise: ...)'"])
}

@Test func dataArgumentsAreNumbers() {
    #expect(modelErrors(withModel("data moons(n: many)")) == ["t.md:2:15: error: argument 'n' of 'moons' must be a number, found 'many'"])
}

@Test func dataLineNeedsASetName() {
    #expect(modelErrors(withModel("data")) == ["t.md:2:5: error: expected the name of a data set after 'data', like 'data xor', found end of line"])
}

@Test func dataLineEndsAfterTheSet() {
    #expect(modelErrors(withModel("data xor 4")) == ["t.md:2:10: error: expected '(' or end of line after 'xor', found '4'"])
}

@Test func dataArgumentListMustClose() {
    #expect(modelErrors(withModel("data moons(n: 100")) == ["t.md:2:18: error: expected ')' to close '(' at 2:11, found end of line"])
}

@Test func secondDataLineIsAnError() {
    #expect(modelErrors(lines("data xor", "data and", "param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)",
                              "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:1: error: a model block has one 'data' line; the first is on line 2"])
}

@Test func modelWithoutDataSaysHowToGiveIt() {
    #expect(modelErrors(lines("param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:4:1: error: a model needs data: add a line like 'data xor', or give X and y as literals"])
}

@Test func dataNamesCannotBeAssignedWhenADataLineIsUsed() {
    #expect(modelErrors(lines("data xor", "X = [[1, 2]]", "param y = 3", "param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)",
                              "train sgd(lr: 0.1) epochs 10")) == [
        "t.md:3:1: error: 'X' is defined by the data line on line 2",
        "t.md:4:7: error: 'y' is defined by the data line on line 2",
    ])
}

@Test func dataNamesUsedBeforeTheDataLine() {
    #expect(modelErrors(lines("param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)", "data xor", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:14: error: 'X' is used before the data line on line 4 defines it",
                "t.md:3:22: error: 'y' is used before the data line on line 4 defines it"])
}

@Test func brokenDataLineDoesNotCascade() {
    #expect(modelErrors(withModel("data moons(n: )")) == ["t.md:2:15: error: expected a value after 'n:', found ')'"])
}

// MARK: csv

@Test func csvNeedsItsPathFirst() {
    #expect(modelErrors(withModel("data csv")) == [
        "t.md:2:6: error: csv needs the file's path first, like 'data csv(\"points.csv\", x: [x1, x2], y: [label])'",
    ])
    #expect(modelErrors(withModel("data csv(x: [a], y: [b])")) == [
        "t.md:2:6: error: csv needs the file's path first, like 'data csv(\"points.csv\", x: [x1, x2], y: [label])'",
    ])
}

@Test func csvPathIsAString() {
    #expect(modelErrors(withModel("data csv(points, x: [a], y: [b])"))
            == ["t.md:2:10: error: the path of csv must be a string in double quotes, like \"points.csv\"; found 'points'"])
}

@Test func csvPathStaysInsideTheLessonsFolder() {
    for path in ["/etc/passwd", "../secret.csv", "a/../../b.csv", "a\\b.csv"] {
        #expect(modelErrors(withModel("data csv(\"\(path)\", x: [a], y: [b])")) == [
            "t.md:2:10: error: the csv path must be relative to the lessons folder and stay inside it, "
                + "like \"data/points.csv\"; found '\(path)'",
        ])
    }
}

@Test func csvPathIsNotEmpty() {
    #expect(modelErrors(withModel("data csv(\"\", x: [a], y: [b])"))
            == ["t.md:2:10: error: the path of csv is empty; give the file's path, like \"points.csv\""])
}

@Test func csvNeedsInputAndTargetColumns() {
    #expect(modelErrors(withModel("data csv(\"p.csv\", x: [a, b])")) == [
        "t.md:2:6: error: csv needs 'y: [...]' naming the target columns, like 'data csv(\"points.csv\", x: [x1, x2], y: [label])'",
    ])
}

@Test func csvColumnListsAreCheckedItemByItem() {
    #expect(modelErrors(withModel("data csv(\"p.csv\", x: [a, 3, a], y: [], z: [c], \"q.csv\")")) == [
        "t.md:2:26: error: expected a column name or a string, found '3'",
        "t.md:2:29: error: column 'a' is listed twice",
        "t.md:2:36: error: 'y' lists no columns; name at least one, like [x1]",
        "t.md:2:40: error: 'csv' has no argument 'z'; its arguments are x, y, classes, image",
        "t.md:2:48: error: csv takes one path; name the columns with 'x:' and 'y:', like 'data csv(\"points.csv\", x: [x1, x2], y: [label])'",
    ])
}

@Test func csvColumnsAreAList() {
    #expect(modelErrors(withModel("data csv(\"p.csv\", x: a, y: [b])"))
            == ["t.md:2:22: error: argument 'x' of csv must be a list of column names, like [x1, x2]; found 'a'"])
}

@Test func unterminatedString() {
    #expect(modelErrors(withModel("data csv(\"p.csv, x: [a], y: [b])")) == [
        "t.md:2:10: error: unterminated string '\"p.csv, x: [a], y: [b])'; end it with '\"' on the same line",
    ])
}

// MARK: literal data

@Test func literalXWithoutY() {
    #expect(modelErrors(lines("X = [[1, 2]]", "param w = zeros([2, 1])", "loss = mean((X @ w)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:2:1: error: 'X' is given but 'y' is not; add the targets, one row per example, like 'y = [[0], [1], [1], [0]]', or use a data line"])
}

@Test func literalDataIsAMatrix() {
    #expect(modelErrors(withModel("X = [1, 2]\ny = 2 * [[1]]")).prefix(2) == [
        "t.md:2:5: error: 'X' must be a matrix literal with one row per example, like 'X = [[0, 0], [0, 1], [1, 0], [1, 1]]'",
        "t.md:3:5: error: 'y' must be a matrix literal with one row per example, like 'y = [[0], [1], [1], [0]]'",
    ])
}

@Test func literalDataIsNotAParameter() {
    #expect(modelErrors(withModel("param X = [[1, 2]]\ny = [[1]]"))
            == ["t.md:2:7: error: 'X' holds data, not a parameter; write 'X = [[0, 0], [0, 1], [1, 0], [1, 1]]' without 'param'"])
}

@Test func literalTargetsHaveOneRowPerExample() {
    #expect(modelErrors(withModel("X = [[1, 2], [3, 4]]\ny = [[1], [0], [1]]"))
            == ["t.md:3:1: error: y has 3 rows but X has 2; give one row of targets per example"])
}

// MARK: split

@Test func splitIsAFractionStrictlyBetweenZeroAndOne() {
    for (value, column) in [("0", 7), ("1", 7), ("-0.5", 7), ("1.5", 7)] {
        #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10\nsplit \(value)")) == [
            "t.md:6:\(column): error: the split must be a fraction between 0 and 1 (exclusive), like 0.25; found '\(value)'",
        ])
    }
}

@Test func splitNeedsANumber() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10\nsplit half"))
            == ["t.md:6:7: error: expected a fraction after 'split', like 'split 0.25', found 'half'"])
}

@Test func secondSplitLine() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10\nsplit 0.2\nsplit 0.3"))
            == ["t.md:7:1: error: a model block has one 'split' line; the first is on line 6"])
}

// MARK: param initializers

@Test func initializerArity() {
    #expect(modelErrors(withModel("data xor\nparam v = uniform(0, [2])"))
            == ["t.md:3:11: error: uniform expects 3 arguments, uniform(lo, hi, shape), got 2"])
    #expect(modelErrors(withModel("data xor\nparam v = zeros()"))
            == ["t.md:3:11: error: zeros expects 1 argument, zeros(shape), got 0"])
}

@Test func initializerShapeHasOneOrTwoSizes() {
    #expect(modelErrors(withModel("data xor\nparam v = zeros([2, 3, 4])")) == ["t.md:3:17: error: a shape has 1 or 2 sizes, found 3"])
    #expect(modelErrors(withModel("data xor\nparam v = zeros([])")) == ["t.md:3:17: error: a shape has 1 or 2 sizes, found 0"])
}

@Test func initializerShapeSizesArePositiveWholeNumbers() {
    for (size, column) in [("0", 22), ("2.5", 22), ("-1", 22), ("n", 22), ("5000001", 22)] {
        #expect(modelErrors(withModel("data xor\nparam v = xavier([2, \(size)])"))
                == ["t.md:3:\(column): error: a shape size must be a whole number from 1 to 5000000, found '\(size)'"])
    }
}

@Test func initializerShapeHoldsAtMostTheLimit() {
    #expect(modelErrors(withModel("data xor\nparam v = he([3000, 3000])"))
            == ["t.md:3:14: error: a 3000x3000 parameter holds more than 5000000 numbers (the limit)"])
}

@Test func initializerArgumentsHaveTheirKinds() {
    #expect(modelErrors(withModel("data xor\nparam v = normal([2], 1, 3)")) == [
        "t.md:3:18: error: the mean of normal must be a number, found '[2]'",
        "t.md:3:26: error: the shape of normal must be a list of 1 or 2 sizes, like [2, 3]; found '3'",
    ])
}

@Test func initializerArgumentsAreNotNamed() {
    #expect(modelErrors(withModel("data xor\nparam v = uniform(lo: 0, hi: 1, [2])"))
            == ["t.md:3:19: error: the arguments of uniform have no names; write 'uniform(-1, 1, [2, 3])'"])
}

@Test func initializerRanges() {
    #expect(modelErrors(withModel("data xor\nparam v = uniform(1, -1, [2])"))
            == ["t.md:3:19: error: uniform needs lo ≤ hi, found lo '1' and hi '-1'"])
    #expect(modelErrors(withModel("data xor\nparam v = normal(0, -0.1, [2])"))
            == ["t.md:3:21: error: the std of normal must not be negative, found '-0.1'"])
}

@Test func unknownInitializerSuggestsTheClosest() {
    #expect(modelErrors(withModel("data xor\nparam v = unifrom(0, 1, [2])"))
            == ["t.md:3:11: error: unknown initializer 'unifrom'; did you mean 'uniform'?"])
}

@Test func initializerNeedsParam() {
    #expect(modelErrors(withModel("data xor\nv = zeros([2])"))
            == ["t.md:3:5: error: 'zeros' initializes a parameter; write 'param v = zeros([3])'"])
}

@Test func initializerIsTheWholeValue() {
    #expect(modelErrors(withModel("data xor\nparam v = zeros([2]) * 2"))
            == ["t.md:3:22: error: expected end of line after the initializer, found '*'"])
    #expect(modelErrors(withModel("data xor\nparam v = 2 * zeros([2])")) == [
        "t.md:3:15: error: 'zeros' can only be the whole value of a param, as in 'param W = zeros([3])'",
    ])
}

@Test func paramNeedsALiteralOrAnInitializer() {
    #expect(modelErrors(withModel("data xor\nparam v = X @ X"))
            == ["t.md:3:11: error: a param must be given a literal value or an initializer, like 'param W = xavier([2, 3])'"])
}

// MARK: layers

@Test func layersNeedsTwoSizes() {
    #expect(modelErrors(lines("data xor", "layers 2", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:1: error: layers needs at least the input size and the output size, like 'layers 2 -> 3 sigmoid -> 1'"])
}

@Test func hiddenLayersNeedAnActivation() {
    #expect(modelErrors(lines("data xor", "layers 2 -> 3 -> 1", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:13: error: hidden layer 1 needs an activation after its size 3: sigmoid, tanh, relu or linear"])
}

@Test func unknownActivationSuggestsTheClosest() {
    #expect(modelErrors(lines("data xor", "layers 2 -> 3 sigmod -> 1 softmax", "loss = mean((out - y)^2)",
                              "train sgd(lr: 0.1) epochs 10")) == [
        "t.md:3:15: error: unknown activation 'sigmod'; did you mean 'sigmoid'?",
        "t.md:3:27: error: unknown activation 'softmax'; the activations are sigmoid, tanh, relu, linear",
    ])
}

@Test func inputSizeTakesNoActivation() {
    #expect(modelErrors(lines("data xor", "layers 2 relu -> 1", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:10: error: the input size takes no activation; activations follow the sizes of the hidden layers and the output, like 'layers 2 -> 3 sigmoid -> 1'"])
}

@Test func layerSizesArePositiveWholeNumbers() {
    #expect(modelErrors(lines("data xor", "layers 2 -> 0 relu -> 1.5", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 10")) == [
        "t.md:3:13: error: a layer size must be a whole number from 1 to 5000000, found '0'",
        "t.md:3:23: error: a layer size must be a whole number from 1 to 5000000, found '1.5'",
    ])
}

@Test func layerWeightsHoldAtMostTheLimit() {
    #expect(modelErrors(lines("data xor", "layers 2 -> 4000 relu -> 4000", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:26: error: layer 2 needs a 4000x4000 weight matrix, more than 5000000 numbers (the limit)"])
}

@Test func layersSyntax() {
    #expect(modelErrors(lines("data xor", "layers 2 -> -> 1", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:13: error: expected a layer size after '->', found '->'"])
    #expect(modelErrors(lines("data xor", "layers 2 -> 3 relu 1", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:20: error: expected '->' or end of line after 'relu', found '1'"])
    #expect(modelErrors(lines("data xor", "layers", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:7: error: expected the number of input features after 'layers', like 'layers 2 -> 3 sigmoid -> 1', found end of line"])
}

@Test func layerNamesClashWithTheTeachersNames() {
    #expect(modelErrors(lines("data xor", "param W1 = 0", "layers 2 -> 3 tanh -> 1", "out = 2", "loss = mean((out - y)^2)",
                              "train sgd(lr: 0.1) epochs 10")) == [
        "t.md:3:7: error: 'W1' is defined by the layers line on line 4",
        "t.md:5:1: error: 'out' is defined by the layers line on line 4",
    ])
}

@Test func layerNamesUsedBeforeTheLayersLine() {
    #expect(modelErrors(lines("data xor", "loss = mean((out - y)^2)", "layers 2 -> 1", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:14: error: 'out' is used before the layers line on line 4 defines it"])
}

@Test func layersBeforeTheDataLine() {
    #expect(modelErrors(lines("layers 2 -> 1", "data xor", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:2:8: error: 'X' is used before the data line on line 3 defines it"])
}

@Test func brokenLayersLineDoesNotCascade() {
    #expect(modelErrors(lines("data xor", "layers 2 -> 3 -> 1", "loss = mean((out - y)^2) + sum(W2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:13: error: hidden layer 1 needs an activation after its size 3: sigmoid, tanh, relu or linear"])
}

@Test func secondLayersLine() {
    #expect(modelErrors(lines("data xor", "layers 2 -> 1", "layers 2 -> 1", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:4:1: error: a model block has one 'layers' line; the first is on line 3"])
}

// MARK: train

@Test func modelBlockNeedsATrainLine() {
    #expect(modelErrors(lines("data xor", "param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)"))
            == ["t.md:1:1: error: a model block needs a train line, like 'train sgd(lr: 0.1) epochs 1000'"])
}

@Test func secondTrainLine() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10\ntrain sgd(lr: 0.2) epochs 10"))
            == ["t.md:6:1: error: a model block has one 'train' line; the first is on line 5"])
}

@Test func unknownOptimizer() {
    #expect(modelErrors(withTrain("train sdg(lr: 0.1) epochs 10")) == ["t.md:5:7: error: unknown optimizer 'sdg'; did you mean 'sgd'?"])
    #expect(modelErrors(withTrain("train lbfgs epochs 10"))
            == ["t.md:5:7: error: unknown optimizer 'lbfgs'; the optimizers are sgd, momentum, nesterov, adam, adamw, rmsprop"])
}

@Test func optimizerNeedsALearningRate() {
    #expect(modelErrors(withTrain("train sgd epochs 10")) == ["t.md:5:7: error: sgd needs a learning rate, like 'sgd(lr: 0.1)'"])
    #expect(modelErrors(withTrain("train adam(beta1: 0.5) epochs 10")) == ["t.md:5:7: error: adam needs a learning rate, like 'adam(lr: 0.01)'"])
}

@Test func unknownOptimizerArgumentListsTheValidOnes() {
    #expect(modelErrors(withTrain("train momentum(lr: 0.1, beta1: 0.9) epochs 10"))
            == ["t.md:5:25: error: 'momentum' has no argument 'beta1'; its arguments are lr, beta, weight_decay"])
    #expect(modelErrors(withTrain("train sgd(lr: 0.1, lr: 0.2) epochs 10")) == ["t.md:5:20: error: argument 'lr' is given twice"])
}

@Test func optimizerArgumentRanges() {
    #expect(modelErrors(withTrain("train sgd(lr: 0) epochs 10")) == ["t.md:5:15: error: lr must be a positive number, found '0'"])
    #expect(modelErrors(withTrain("train adam(lr: 0.1, beta1: 1, beta2: -0.1, eps: 0) epochs 10")) == [
        "t.md:5:28: error: beta1 must be at least 0 and less than 1, found '1'",
        "t.md:5:38: error: beta2 must be at least 0 and less than 1, found '-0.1'",
        "t.md:5:49: error: eps must be a positive number, found '0'",
    ])
}

@Test func trainNeedsEpochs() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) seed 3"))
            == ["t.md:5:1: error: train needs a number of epochs, like 'train sgd(lr: 0.1) epochs 1000'"])
}

@Test func epochsAreLimited() {
    #expect(BlockLanguage.maxEpochs == 10_000_000)
    for value in ["0", "10000001", "1.5", "-3", "1e30"] {
        #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs \(value)"))
                == ["t.md:5:27: error: epochs must be a whole number from 1 to 10000000 (the limit), found '\(value)'"])
    }
}

@Test func batchAndSeedAreWholeNumbers() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10 batch 0 seed -1")) == [
        "t.md:5:36: error: batch must be a whole number from 1 to 5000000, found '0'",
        "t.md:5:43: error: seed must be a whole number from 0 to 18446744073709551615, found '-1'",
    ])
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10 seed 18446744073709551616"))
            == ["t.md:5:35: error: seed must be a whole number from 0 to 18446744073709551615, found '18446744073709551616'"])
}

@Test func trainClausesAreGivenOnce() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10 epochs 20")) == ["t.md:5:30: error: 'epochs' is given twice"])
}

@Test func unknownTrainClauseSuggestsTheClosest() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epoch 10"))
            == ["t.md:5:20: error: expected 'epochs', 'batch' or 'seed', found 'epoch'; did you mean 'epochs'?"])
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) * 10"))
            == ["t.md:5:20: error: expected 'epochs', 'batch' or 'seed', found '*'"])
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs")) == ["t.md:5:26: error: expected a number after 'epochs', found end of line"])
}

@Test func trainNeedsAnOptimizer() {
    #expect(modelErrors(withTrain("train epochs 10"))
            == ["t.md:5:7: error: expected an optimizer after 'train' (sgd, momentum, nesterov, adam, adamw, rmsprop), like 'sgd(lr: 0.1)', found 'epochs'"])
    #expect(modelErrors(withTrain("train (lr: 0.1) epochs 10"))
            == ["t.md:5:7: error: expected an optimizer after 'train' (sgd, momentum, nesterov, adam, adamw, rmsprop), like 'sgd(lr: 0.1)', found '('"])
}

// MARK: trace

@Test func traceNeedsEveryOrLog() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10\ntrace 100"))
            == ["t.md:6:7: error: expected 'every', 'log' or 'last' after 'trace', like 'trace every 100', found '100'"])
}

@Test func traceLastTakesNothingMore() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10\ntrace last 5"))
            == ["t.md:6:12: error: expected end of line after 'trace last', found '5'"])
}

@Test func traceCountIsAPositiveWholeNumber() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10\ntrace every 0"))
            == ["t.md:6:13: error: 'trace every' needs a whole number from 1 to 10000000, found '0'"])
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10\ntrace log 2.5"))
            == ["t.md:6:11: error: 'trace log' needs a whole number from 1 to 10000000, found '2.5'"])
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10\ntrace every"))
            == ["t.md:6:12: error: expected a number after 'trace every', like 'trace every 100', found end of line"])
}

@Test func secondTraceLine() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10\ntrace every 1\ntrace log 3"))
            == ["t.md:7:1: error: a model block has one 'trace' line; the first is on line 6"])
}

// MARK: loss and names

@Test func modelNeedsALossAtTheTrainLine() {
    #expect(modelErrors(lines("data xor", "param w = zeros([2, 1])", "cost = mean((X @ w - y)^2)", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:5:1: error: a model needs a node named 'loss' to minimize"])
}

@Test func lossIsComputed() {
    #expect(modelErrors(lines("data xor", "param loss = 3", "train sgd(lr: 0.1) epochs 10"))
            == ["t.md:3:7: error: 'loss' must be computed from the model's prediction and the targets, like 'loss = mean((out - y)^2)'"])
}

@Test func modelKeywordsCannotBeNames() {
    let keywords = ["data", "split", "train", "trace", "layers", "param", "epochs", "batch", "seed", "every"]
    for keyword in keywords where keyword != "param" {
        #expect(modelErrors(withModel("data xor\n\(keyword) = 2")) == ["t.md:3:1: error: cannot assign to '\(keyword)': it is a keyword"])
    }
    #expect(modelErrors(withModel("data xor\nparam seed = 2")) == ["t.md:3:7: error: cannot assign to 'seed': it is a keyword"])
    #expect(modelErrors(withModel("data xor\nlog = 2")) == ["t.md:3:1: error: cannot assign to 'log': it is the name of a function"])
    #expect(modelErrors(withModel("data xor\nbce_logits = 2")) == ["t.md:3:1: error: cannot assign to 'bce_logits': it is the name of a function"])
}

@Test func unknownFunctionInAModelBlockListsTheLosses() {
    #expect(modelErrors(withModel("data xor\nz = fourier(X)")) == [
        "t.md:3:5: error: unknown function 'fourier'; the functions are exp, log, sigmoid, tanh, relu, sqrt, abs, sum, mean, max, min, softmax, log_softmax, logsumexp, transpose, where, clip, reshape, concat, embedding, layer_norm, batch_norm, conv2d, max_pool, avg_pool, dropout and the losses bce_logits, softmax_cross_entropy",
    ])
    #expect(modelErrors(withModel("data xor\nz = bce_logit(X, y)")) == ["t.md:3:5: error: unknown function 'bce_logit'; did you mean 'bce_logits'?"])
    #expect(modelErrors(withModel("data xor\nz = bce_logits(X)")) == ["t.md:3:5: error: bce_logits expects 2 arguments, got 1"])
}

@Test func trainAndTraceWordsOutsideTheirLines() {
    #expect(modelErrors(withTrain("train sgd(lr: 0.1)\nepochs 10")) == [
        "t.md:5:1: error: train needs a number of epochs, like 'train sgd(lr: 0.1) epochs 1000'",
        "t.md:6:1: error: 'epochs' belongs on the train line, like 'train sgd(lr: 0.1) epochs 1000'",
    ])
    #expect(modelErrors(withTrain("train sgd(lr: 0.1) epochs 10\nevery 10"))
            == ["t.md:6:1: error: 'every' belongs on the trace line, like 'trace every 100'"])
}

@Test func emptyModelBlock() {
    #expect(modelErrors("\n# nothing yet\n") == [
        "t.md:1:1: error: model block is empty; expected a data line, equations with a 'loss' and a train line, like 'data xor', 'loss = mean((out - y)^2)' and 'train sgd(lr: 0.1) epochs 1000'",
    ])
}

@Test func everyBrokenLineIsReportedInOneBlock() {
    #expect(modelErrors(lines("data xr", "split 2", "param w = zeros([2, 0])", "layers 2 ->", "h = X @ w +",
                              "loss = mean((h - y)^2)", "train sgd(lr: -1) epochs 0", "trace often 3")) == [
        "t.md:2:6: error: unknown data set 'xr'; did you mean 'xor'?",
        "t.md:3:7: error: the split must be a fraction between 0 and 1 (exclusive), like 0.25; found '2'",
        "t.md:4:21: error: a shape size must be a whole number from 1 to 5000000, found '0'",
        "t.md:5:12: error: expected a layer size after '->', found end of line",
        "t.md:6:12: error: expected an expression after '+', found end of line",
        "t.md:8:15: error: lr must be a positive number, found '-1'",
        "t.md:8:26: error: epochs must be a whole number from 1 to 10000000 (the limit), found '0'",
        "t.md:9:7: error: expected 'every', 'log' or 'last' after 'trace', like 'trace every 100', found 'often'",
    ])
}

// MARK: graph blocks

@Test func graphBlocksRejectModelStatements() {
    for line in ["data xor", "split 0.2", "layers 2 -> 1", "train sgd(lr: 0.1) epochs 10", "trace every 5", "data csv(\"a # b\")"] {
        let keyword = line.prefix { $0 != " " }
        #expect(graphErrors("x = 1\n\(line)\ny = x * 2\n")
                == ["t.md:3:1: error: '\(keyword)' belongs in a model block; change the fence to ```model"], "\(line)")
    }
}

@Test func graphBlocksRejectInitializers() {
    #expect(graphErrors("param w = xavier([2, 3])\n")
            == ["t.md:2:11: error: initializers like 'xavier' belong in a model block; change the fence to ```model"])
}

@Test func dropoutIsAcceptedInAModelBlock() {
    // Each training step draws its own mask (seed + step), so a model may use it.
    #expect(modelErrors(withModel("data xor\nh = dropout(X, p: 0.5, seed: 1)")) == [])
}

@Test func graphBlocksListTheLossesToo() {
    // The losses work in graph blocks as well, so the list is the real one there too.
    #expect(graphErrors("x = 1\ny = fourier(x)\n")
            == ["t.md:3:5: error: unknown function 'fourier'; the functions are exp, log, sigmoid, tanh, relu, sqrt, abs, sum, mean, max, min, softmax, log_softmax, logsumexp, transpose, where, clip, reshape, concat, embedding, layer_norm, batch_norm, conv2d, max_pool, avg_pool, dropout and the losses bce_logits, softmax_cross_entropy"])
}
