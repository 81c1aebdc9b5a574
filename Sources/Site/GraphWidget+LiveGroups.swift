extension GraphWidget {
    /// A closed group's card lines and walk texts as the page rewrites them after an edit: fixed
    /// words with holes, made from the same forms the build writes them with
    /// (Presentation/GroupSummary), so the page's texts for the lesson's values are the build's.
    package struct LiveGroup: Sendable, Codable, Equatable {
        /// The card's value lines and gradient lines.
        package var values, gradients: [LiveLine]
        /// The forward step's text; {0} is the value lines joined by "; ".
        package var forward: String
        /// The backward step's text; {0} is `backwardLines` joined by ", ".
        package var backward: String
        package var backwardLines: [LiveLine]
        /// The group's nodes: a value that goes wrong inside a closed group is shown at its card.
        package var members: [Int]

        package init(values: [LiveLine], gradients: [LiveLine], forward: String, backward: String, backwardLines: [LiveLine],
                     members: [Int]) {
            self.values = values; self.gradients = gradients
            self.forward = forward; self.backward = backward; self.backwardLines = backwardLines; self.members = members
        }
    }

    /// One summary line: `text` with holes for a node's numbers, by `kind`: "value" ({0} its one
    /// value), "range" ({0} its least value, {1} its greatest), "gradient" ({0} its one gradient)
    /// or "rms" ({0} its gradient's root mean square).
    package struct LiveLine: Sendable, Codable, Equatable {
        package var kind, text: String
        package var node: Int

        package init(kind: String, text: String, node: Int) {
            self.kind = kind; self.text = text; self.node = node
        }
    }
}
