import Testing
@testable import LessonsKit

/// Grouping by content: first-seen order, owners in order, only contents made more than once.
@Test func contentMadeMoreThanOnceIsGroupedInFirstSeenOrder() {
    var groups = ContentGroups<String, Int>()
    for (content, owner) in [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5), ("b", 6)] { groups.add(content, owner: owner) }
    #expect(groups.shared.map(\.content) == ["b", "a"])
    #expect(groups.shared.map(\.owners) == [[1, 3, 6], [2, 5]])
    #expect(ContentGroups<String, Int>().shared.isEmpty)
}
