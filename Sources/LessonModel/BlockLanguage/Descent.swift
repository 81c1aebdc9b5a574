/// What a graph block's `descend` line declares: the page offers gradient descent by hand,
/// `leaf ← leaf − lr · ∂target/∂leaf`, on the block's output. Resolved by `DescentResolver`;
/// shapes (a scalar target, small leaves) are checked once the block has run (Training).
public struct Descent: Equatable, Sendable {
    /// The node minimised: always the block's output, whose gradients the page already shows,
    /// so a step uses exactly the numbers the reader sees.
    public var target: Int
    /// Inputs or parameters, in the order the line lists them.
    public var leaves: [Int]
    /// The learning rate the page's field starts with.
    public var rate: Double
    /// The `descend` keyword, the target's name and each leaf's name in the lesson file.
    public var position: SourcePosition
    public var targetPosition: SourcePosition
    public var leafPositions: [SourcePosition]

    public init(target: Int, leaves: [Int], rate: Double, position: SourcePosition, targetPosition: SourcePosition,
                leafPositions: [SourcePosition]) {
        self.target = target; self.leaves = leaves; self.rate = rate
        self.position = position; self.targetPosition = targetPosition; self.leafPositions = leafPositions
    }

    /// The learning rate when the line gives none.
    public static let defaultRate = 0.1
    /// A larger rate only throws the numbers out of range after a step or two.
    static let maxRate = 1_000.0
    static let maxRateText = "1000"
}
