/// `descend L over w, b [lr 0.05]`: the scalar a graph block's page may minimise by hand, the
/// leaves a step moves, and the learning rate the page starts with.
struct DescentStatement: Sendable {
    struct Name: Sendable {
        var name: String
        var position: SourcePosition
    }

    /// The `descend` keyword.
    var position: SourcePosition
    var target: Name
    var leaves: [Name]
    /// Nil when the line gives none (the page then starts at `Descent.defaultRate`).
    var rate: Double?
    var ratePosition: SourcePosition?
}

extension BlockParser {
    /// descent := 'descend' NAME 'over' NAME (',' NAME)* ['lr' NUMBER]
    mutating func parseDescent() throws(SyntaxError) -> Statement {
        let keyword = advance()  // `descend`
        guard dialect == .graph else {
            throw SyntaxError(position: keyword.position, message: "'descend' belongs in a graph block; a model block trains with its train line")
        }
        let target = advance()
        let targetName = text(target)
        guard peek().kind == .name, text(peek()) == "over" else {
            throw expected("'over' and the leaves a step moves, as in 'descend \(targetName) over w, b'")
        }
        advance()
        var leaves: [DescentStatement.Name] = []
        repeat {
            let leaf = peek()
            guard leaf.kind == .name else { throw expected("the name of an input or a parameter") }
            advance()
            leaves.append(DescentStatement.Name(name: text(leaf), position: leaf.position))
        } while take(.comma) != nil
        var statement = DescentStatement(position: keyword.position, target: .init(name: targetName, position: target.position),
                                         leaves: leaves)
        if peek().kind == .name, text(peek()) == "lr" {
            advance()
            let number = peek()
            guard number.kind == .number else { throw expected("a learning rate after 'lr', as in 'lr 0.1'") }
            advance()
            guard number.value.isFinite, number.value > 0, number.value <= Descent.maxRate else {
                throw SyntaxError(position: number.position, message: "the learning rate \(text(number)) is out of range; "
                    + "give a number above 0 and at most \(Descent.maxRateText), like 'lr 0.1'")
            }
            statement.rate = number.value
            statement.ratePosition = number.position
        }
        try endStatement(after: "the descend line")
        return .descent(statement)
    }
}
