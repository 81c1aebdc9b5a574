/// `group hidden: z, h`: the nodes a diagram may draw as one card named `hidden`. A name stands
/// for every node its statement made (`h = tanh(z)` brings its own intermediates and constants).
struct GroupStatement: Sendable {
    struct Member: Sendable {
        var name: String
        var position: SourcePosition
    }

    var name: String
    /// The group's name in the line.
    var position: SourcePosition
    var members: [Member]
    /// How the page titles the group; nil for a `group` line (its name). A `repeat` line makes
    /// one group per time step, named "time step k" in messages.
    var title: NodeGroup.Title? = nil
}

extension BlockParser {
    /// group := 'group' NAME ':' [NAME (',' NAME)*]   (an empty list is the resolver's error,
    /// so it can name the group)
    mutating func parseGroup() throws(SyntaxError) -> Statement {
        advance()  // `group`
        let name = advance()
        let nameText = text(name)
        guard take(.colon) != nil else {
            throw expected("':' after the group's name, as in 'group \(nameText): z, h'")
        }
        var members: [GroupStatement.Member] = []
        while !peek().isLineEnd {
            if !members.isEmpty, take(.comma) == nil {
                throw expected("',' between the names of group \(Quote.text(nameText))")
            }
            let member = peek()
            guard member.kind == .name else { throw expected("the name of a node of this block") }
            advance()
            members.append(GroupStatement.Member(name: text(member), position: member.position))
        }
        advance()
        return .group(GroupStatement(name: nameText, position: name.position, members: members))
    }
}
