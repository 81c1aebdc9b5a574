/// The statements only model blocks have. A line's syntax errors stop it (thrown); mistakes in
/// its values are reported where they are and the line is kept with a nil value, so one typo
/// gives one message and the rest of the block is still checked.
///
///     data     := 'data' NAME [arguments]                       see CallArguments.swift
///                 csv(path, x: [...], y: [...], classes: k, image: [h, w]); x, classes, image optional
///     split    := 'split' number
///     layers   := 'layers' number (NAME)? ('->' number (NAME)?)*
///     train    := 'train' NAME [arguments] (('epochs' | 'batch' | 'seed') number)*
///     schedule := 'schedule' NAME [arguments]                    step exponential cosine
///     trace    := 'trace' ('every' | 'log') number | 'trace' 'last'
///     param    := 'param' NAME '=' INITIALIZER arguments          uniform normal xavier he zeros
extension BlockParser {
    mutating func parseModelStatement(recovered: inout Statement?) throws(SyntaxError) -> Statement {
        let keyword = advance()
        switch text(keyword) {
        case "data":
            recovered = .data(DataStatement(source: nil, position: keyword.position, namePosition: keyword.position))
            return try parseData(keyword, recovered: &recovered)
        case "split":
            recovered = .split(ModelLine(value: nil, position: keyword.position))
            return try parseSplit(keyword)
        case "layers":
            recovered = .layers(LayersStatement(spec: nil, assignments: [], expansion: [], position: keyword.position))
            return try parseLayers(keyword)
        case "train":
            recovered = .train(ModelLine(value: nil, position: keyword.position))
            return try parseTrain(keyword)
        case "schedule":
            recovered = .schedule(ModelLine(value: nil, position: keyword.position))
            return try parseSchedule(keyword)
        default:
            recovered = .trace(ModelLine(value: nil, position: keyword.position))
            return try parseTrace(keyword)
        }
    }

    // MARK: data

    private mutating func parseData(_ keyword: Token, recovered: inout Statement?) throws(SyntaxError) -> Statement {
        let name = peek()
        guard name.kind == .name else { throw expected("the name of a data set after 'data', like 'data xor'") }
        advance()
        recovered = .data(DataStatement(source: nil, position: keyword.position, namePosition: name.position))
        let arguments = peekKind() == .leftParen ? try parseArguments() : nil
        if arguments == nil, !peek().isLineEnd { throw expected("'(' or end of line after \(Quote.text(text(name)))") }
        try endStatement(after: "the data set")
        let source = dataSource(name, arguments)
        return .data(DataStatement(source: source, position: keyword.position, namePosition: name.position))
    }

    private mutating func dataSource(_ name: Token, _ arguments: [CallArgument]?) -> DataSource? {
        let setName = text(name)
        if setName == "csv" { return csvSource(name, arguments) }
        guard let set = DataSource.builtinSets.first(where: { $0.name == setName }) else {
            reportUnknown(name, kind: "data set", plural: "data sets", among: DataSource.builtinSets.map(\.name) + ["csv"])
            return nil
        }
        guard let values = namedNumbers(arguments ?? [], of: setName, allowed: set.arguments) else { return nil }
        return .builtin(name: setName, arguments: values.mapValues(\.value), position: name.position)
    }

    /// `csv("points.csv", x: [x1, x2], y: [label])`, optionally with `classes: k` and
    /// `image: [height, width]`; without `x:`, every column that is not a target is an input.
    private mutating func csvSource(_ name: Token, _ arguments: [CallArgument]?) -> DataSource? {
        let example = "like 'data csv(\"points.csv\", x: [x1, x2], y: [label])'"
        guard let arguments, let first = arguments.first, first.label == nil else {
            errors.error(name.position, "csv needs the file's path first, \(example)")
            return nil
        }
        let errorsBefore = errors.count
        var path: String?
        if case .string(let text) = first.value {
            path = checkedCSVPath(text, at: first.position)
        } else {
            errors.error(first.position, "the path of csv must be a string in double quotes, like \"points.csv\"; "
                + "found \(Quote.text(first.text))")
        }
        var columns: [String: [String]] = [:]
        var seen: Set<String> = []
        var given: Set<String> = []
        var classes: Int?, image: ImageShape?, classesPosition: SourcePosition?
        for argument in arguments.dropFirst() {
            guard let label = argument.label else {
                errors.error(argument.position, "csv takes one path; name the columns with 'x:' and 'y:', \(example)")
                continue
            }
            guard Self.csvArguments.contains(label) else {
                errors.error(argument.labelPosition, "'csv' has no argument \(Quote.text(label)); its arguments are "
                    + Self.csvArguments.joined(separator: ", "))
                continue
            }
            guard given.insert(label).inserted else {
                errors.error(argument.labelPosition, "argument '\(label)' is given twice")
                continue
            }
            switch label {
            case "classes":
                classesPosition = argument.position
                guard let value = argument.number, let k = Int(exactly: value), (2...Self.maxClasses).contains(k) else {
                    errors.error(argument.position, "'classes' must be a whole number from 2 to \(Self.maxClasses), "
                        + "found \(Quote.text(argument.text))")
                    continue
                }
                classes = k
            case "image": image = imageShape(argument)
            default: columns[label] = csvColumns(argument, label: label, seen: &seen)
            }
        }
        if columns["y"] == nil && errors.count == errorsBefore {
            errors.error(name.position, "csv needs 'y: [...]' naming the target columns, \(example)")
        }
        if let classesPosition, let y = columns["y"], y.count != 1 {
            errors.error(classesPosition, "with 'classes', y names the one column that holds each example's class "
                + "(0, 1, 2, ...), like 'y: [label], classes: 10'; found \(y.count) columns")
        }
        guard errors.count == errorsBefore, let path, let y = columns["y"] else { return nil }
        return .csv(CSVSource(path: path, x: columns["x"] ?? [], y: y, classes: classes, image: image, position: first.position))
    }

    static let csvArguments = ["x", "y", "classes", "image"]
    static let maxClasses = 1000

    /// `image: [height, width]`, each a whole number of pixels from 1 to `ImageShape.maxSide`.
    private mutating func imageShape(_ argument: CallArgument) -> ImageShape? {
        let side = ImageShape.maxSide
        let message = "'image' must be the height and width of the pictures in pixels, like [8, 8], each from 1 to \(side); "
        guard case .list(let items) = argument.value, items.count == 2 else {
            errors.error(argument.position, message + "found \(Quote.text(argument.text))")
            return nil
        }
        var sides: [Int] = []
        for item in items {
            guard let value = item.number, let n = Int(exactly: value), (1...side).contains(n) else {
                errors.error(item.position, message + "found \(Quote.text(item.text))")
                return nil
            }
            sides.append(n)
        }
        return ImageShape(height: sides[0], width: sides[1], position: argument.position)
    }

    /// A path relative to the lessons folder that stays inside it.
    private mutating func checkedCSVPath(_ path: String, at position: SourcePosition) -> String? {
        if path.isEmpty {
            errors.error(position, "the path of csv is empty; give the file's path, like \"points.csv\"")
            return nil
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || parts.contains("..") || path.contains("\\") {
            errors.error(position, "the csv path must be relative to the lessons folder and stay inside it, "
                + "like \"data/points.csv\"; found \(Quote.text(path))")
            return nil
        }
        return path
    }

    /// The column names of `x: [...]` or `y: [...]`, each a name or a string, none listed twice.
    private mutating func csvColumns(_ argument: CallArgument, label: String, seen: inout Set<String>) -> [String] {
        guard case .list(let items) = argument.value else {
            errors.error(argument.position, "argument '\(label)' of csv must be a list of column names, like [x1, x2]; "
                + "found \(Quote.text(argument.text))")
            return []
        }
        if items.isEmpty { errors.error(argument.position, "'\(label)' lists no columns; name at least one, like [x1]") }
        var names: [String] = []
        for item in items {
            let name: String
            switch item.value {
            case .name(let text), .string(let text): name = text
            default:
                errors.error(item.position, "expected a column name or a string, found \(Quote.text(item.text))")
                continue
            }
            if !seen.insert(name).inserted {
                errors.error(item.position, "column \(Quote.text(name)) is listed twice")
            }
            names.append(name)
        }
        return names
    }

    /// Reports an unknown name of a kind ("optimizer"): with the closest known one, or all of them.
    mutating func reportUnknown(_ token: Token, kind: String, plural: String, among names: [String]) {
        let name = text(token)
        let hint = Suggestions.closest(to: name, among: names).map { "did you mean '\($0)'?" }
            ?? "the \(plural) are " + names.joined(separator: ", ")
        errors.error(token.position, "unknown \(kind) \(Quote.text(name)); " + hint)
    }

    /// Named number arguments, each of `allowed` at most once; reports positional, unknown,
    /// repeated and non-number arguments.
    mutating func namedNumbers(_ arguments: [CallArgument], of call: String,
                               allowed: [String]) -> [String: NumberArgument]? {
        let errorsBefore = errors.count
        var values: [String: NumberArgument] = [:]
        for argument in arguments {
            guard let label = argument.label else {
                if allowed.isEmpty {
                    errors.error(argument.position, "'\(call)' takes no arguments")
                } else {
                    let form = allowed.map { "\($0): ..." }.joined(separator: ", ")
                    errors.error(argument.position, "name the arguments of '\(call)', as in '\(call)(\(form))'")
                }
                return nil
            }
            guard allowed.contains(label) else {
                errors.error(argument.labelPosition, allowed.isEmpty ? "'\(call)' takes no arguments"
                    : "'\(call)' has no argument \(Quote.text(label)); its arguments are \(allowed.joined(separator: ", "))")
                continue
            }
            guard values[label] == nil else {
                errors.error(argument.labelPosition, "argument '\(label)' is given twice")
                continue
            }
            guard let number = argument.number else {
                errors.error(argument.position, "argument '\(label)' of '\(call)' must be a number, found \(Quote.text(argument.text))")
                continue
            }
            values[label] = NumberArgument(value: number, position: argument.position, text: argument.text)
        }
        return errors.count == errorsBefore ? values : nil
    }

    // MARK: split

    private mutating func parseSplit(_ keyword: Token) throws(SyntaxError) -> Statement {
        let fraction = try parseNumberArgument("a fraction after 'split', like 'split 0.25'")
        try endStatement(after: "the fraction")
        guard fraction.value > 0, fraction.value < 1 else {
            errors.error(fraction.position, "the split must be a fraction between 0 and 1 (exclusive), like 0.25; "
                + "found \(Quote.text(fraction.text))")
            return .split(ModelLine(value: nil, position: keyword.position))
        }
        return .split(ModelLine(value: fraction.value, position: keyword.position))
    }

    // MARK: layers

    private mutating func parseLayers(_ keyword: Token) throws(SyntaxError) -> Statement {
        var sizes: [NumberArgument] = []
        var activations: [Token?] = []
        while true {
            let size = try parseNumberArgument(sizes.isEmpty
                ? "the number of input features after 'layers', like 'layers 2 -> 3 sigmoid -> 1'"
                : "a layer size after '->'")
            let activation = peekKind() == .name ? advance() : nil
            sizes.append(size)
            activations.append(activation)
            if take(.arrow) != nil { continue }
            if peek().isLineEnd { break }
            if let activation { throw expected("'->' or end of line after \(Quote.text(text(activation)))") }
            throw expected("an activation, '->' or end of line after \(Quote.text(size.text))")
        }
        try endStatement(after: "the layers")
        var statement = LayersStatement(spec: nil, assignments: [], expansion: [], position: keyword.position)
        guard let layers = checkedLayers(keyword, sizes, activations) else { return .layers(statement) }
        statement.spec = layers.spec
        (statement.assignments, statement.expansion) = expandLayers(layers, line: keyword.position.line)
        return .layers(statement)
    }

    /// A valid `layers` line, with where each size and activation was written.
    struct CheckedLayers {
        var spec: LayerSpec
        var sizePositions: [SourcePosition]
        var activationPositions: [SourcePosition]
    }

    private mutating func checkedLayers(_ keyword: Token, _ sizes: [NumberArgument],
                                        _ activations: [Token?]) -> CheckedLayers? {
        let errorsBefore = errors.count
        let limit = BlockLanguage.maxTensorElements
        if sizes.count < 2 {
            errors.error(keyword.position, "layers needs at least the input size and the output size, "
                + "like 'layers 2 -> 3 sigmoid -> 1'")
        }
        var whole: [Int?] = []
        var kinds: [LayerSpec.Activation] = []
        for (k, size) in sizes.enumerated() {
            whole.append(size.whole(in: 1...limit))
            if whole[k] == nil {
                errors.error(size.position, "a layer size must be a whole number from 1 to \(limit), found \(Quote.text(size.text))")
            }
            let token = k < activations.count ? activations[k] : nil
            if k == 0 {
                if let token {
                    errors.error(token.position, "the input size takes no activation; activations follow the sizes "
                        + "of the hidden layers and the output, like 'layers 2 -> 3 sigmoid -> 1'")
                }
            } else if let token {
                kinds.append(activation(token) ?? .linear)
            } else {
                if k < sizes.count - 1 {
                    errors.error(size.position, "hidden layer \(k) needs an activation after its size \(size.text): "
                        + "sigmoid, tanh, relu or linear")
                }
                kinds.append(.linear)
            }
        }
        for k in sizes.indices.dropFirst() {
            guard let rows = whole[k - 1], let columns = whole[k] else { continue }
            let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
            if overflow || count > limit {
                errors.error(sizes[k].position, "layer \(k) needs a \(rows)x\(columns) weight matrix, "
                    + "more than \(limit) numbers (the limit)")
            }
        }
        guard errors.count == errorsBefore, let first = sizes.first else { return nil }
        return CheckedLayers(spec: LayerSpec(sizes: whole.map { $0 ?? 1 }, activations: kinds, position: first.position),
                             sizePositions: sizes.map(\.position),
                             activationPositions: sizes.indices.map {
                                 ($0 < activations.count ? activations[$0] : nil)?.position ?? sizes[$0].position
                             })
    }

    /// The activation a name stands for; an unknown one is reported.
    private mutating func activation(_ token: Token) -> LayerSpec.Activation? {
        let name = text(token)
        if let known = LayerSpec.Activation(rawValue: name) { return known }
        reportUnknown(token, kind: "activation", plural: "activations", among: ["sigmoid", "tanh", "relu", "linear"])
        return nil
    }

    // MARK: trace

    private mutating func parseTrace(_ keyword: Token) throws(SyntaxError) -> Statement {
        let mode = peek()
        let name = text(mode)
        guard mode.kind == .name, name == "every" || name == "log" || name == "last" else {
            throw expected("'every', 'log' or 'last' after 'trace', like 'trace every 100'")
        }
        advance()
        if name == "last" {
            try endStatement(after: "'trace last'")
            return .trace(ModelLine(value: TraceSpec(schedule: .last, position: keyword.position), position: keyword.position))
        }
        let count = try parseNumberArgument("a number after 'trace \(name)', like 'trace \(name) 100'")
        try endStatement(after: "the number")
        let max = BlockLanguage.maxEpochs
        guard let n = count.whole(in: 1...max) else {
            errors.error(count.position, "'trace \(name)' needs a whole number from 1 to \(max), found \(Quote.text(count.text))")
            return .trace(ModelLine(value: nil, position: keyword.position))
        }
        let schedule: TraceSpec.Schedule = name == "every" ? .every(n) : .log(n)
        return .trace(ModelLine(value: TraceSpec(schedule: schedule, position: keyword.position), position: keyword.position))
    }

    // MARK: param initializers

    enum InitializerParse {
        /// The right-hand side is an expression.
        case notAnInitializer
        /// An initializer call; nil when its arguments had errors (reported).
        case parsed(InitializerSpec?)
    }

    /// In a model block, the right-hand side of `param W = uniform(-1, 1, [2, 3])`.
    mutating func parseInitializerValue(isParameter: Bool, target: String) throws(SyntaxError) -> InitializerParse {
        let head = peek()
        guard dialect == .model, head.kind == .name, nextTokenIs(.leftParen) else { return .notAnInitializer }
        let name = text(head)
        guard let initializer = Builtins.initializer(named: name) else {
            if isParameter, Builtins.function(named: name) == nil,
               let near = Suggestions.closest(to: name, among: Builtins.initializers.map(\.name)) {
                throw SyntaxError(position: head.position, message: "unknown initializer \(Quote.text(name)); did you mean '\(near)'?")
            }
            return .notAnInitializer
        }
        guard isParameter else {
            throw SyntaxError(position: head.position,
                              message: "'\(name)' initializes a parameter; write 'param \(target) = \(initializer.example)'")
        }
        advance()
        let arguments = try parseArguments()
        return .parsed(initializerSpec(initializer, head, arguments))
    }

    private mutating func initializerSpec(_ initializer: Builtins.Initializer, _ head: Token,
                                          _ arguments: [CallArgument]) -> InitializerSpec? {
        let name = initializer.name
        if let labelled = arguments.first(where: { $0.label != nil }) {
            errors.error(labelled.labelPosition, "the arguments of \(name) have no names; write '\(initializer.example)'")
            return nil
        }
        guard arguments.count == initializer.arity else {
            let noun = initializer.arity == 1 ? "argument" : "arguments"
            errors.error(head.position, "\(name) expects \(initializer.arity) \(noun), \(initializer.signature), "
                + "got \(arguments.count)")
            return nil
        }
        let errorsBefore = errors.count
        var numbers: [Double] = []
        for (k, label) in initializer.numbers.enumerated() {
            let argument = arguments[k]
            guard let number = argument.number else {
                errors.error(argument.position, "the \(label) of \(name) must be a number, found \(Quote.text(argument.text))")
                continue
            }
            numbers.append(number)
        }
        let dims = shape(arguments[initializer.numbers.count], of: name)
        guard errors.count == errorsBefore, let dims else { return nil }
        switch name {
        case "uniform":
            guard numbers[0] <= numbers[1] else {
                errors.error(arguments[0].position, "uniform needs lo ≤ hi, found lo \(Quote.text(arguments[0].text)) "
                    + "and hi \(Quote.text(arguments[1].text))")
                return nil
            }
            return .uniform(lo: numbers[0], hi: numbers[1], dims: dims)
        case "normal":
            guard numbers[1] >= 0 else {
                errors.error(arguments[1].position, "the std of normal must not be negative, found \(Quote.text(arguments[1].text))")
                return nil
            }
            return .normal(mean: numbers[0], std: numbers[1], dims: dims)
        case "xavier": return .xavier(dims: dims)
        case "he": return .he(dims: dims)
        default: return .zeros(dims: dims)
        }
    }

    /// A shape argument: a list of 1 or 2 whole sizes holding at most `maxTensorElements` numbers.
    private mutating func shape(_ argument: CallArgument, of name: String) -> [Int]? {
        guard case .list(let items) = argument.value else {
            errors.error(argument.position, "the shape of \(name) must be a list of 1 or 2 sizes, like [2, 3]; "
                + "found \(Quote.text(argument.text))")
            return nil
        }
        guard items.count == 1 || items.count == 2 else {
            errors.error(argument.position, "a shape has 1 or 2 sizes, found \(items.count)")
            return nil
        }
        let limit = BlockLanguage.maxTensorElements
        var dims: [Int] = []
        for item in items {
            guard let value = item.number, let n = Int(exactly: value), (1...limit).contains(n) else {
                errors.error(item.position, "a shape size must be a whole number from 1 to \(limit), found \(Quote.text(item.text))")
                return nil
            }
            dims.append(n)
        }
        let (count, overflow) = dims.reduce((1, false)) { partial, n in
            let product = partial.0.multipliedReportingOverflow(by: n)
            return (product.partialValue, partial.1 || product.overflow)
        }
        guard !overflow, count <= limit else {
            errors.error(argument.position, "a \(dims.map(String.init).joined(separator: "x")) parameter holds more than "
                + "\(limit) numbers (the limit)")
            return nil
        }
        return dims
    }
}
