import Foundation
import Testing
@testable import LessonsServe

@Suite struct FolderSnapshotTests {
    @Test func editsAdditionsAndRemovalsAreChanges() throws {
        let course = try Course(["a.md": "a", "data/points.csv": "x\n1\n"])
        let before = FolderSnapshot.take(course.lessons, excluding: [])
        #expect(FolderSnapshot.take(course.lessons, excluding: []) == before)

        try course.write("data/points.csv", "x\n2\n")
        try course.write("b.md", "b")
        try FileManager.default.removeItem(atPath: course.lessons + "/a.md")
        let after = FolderSnapshot.take(course.lessons, excluding: [])
        #expect(after.changes(since: before) == ["a.md", "b.md", "data/points.csv"].map { course.lessons + "/" + $0 })
    }

    @Test func hiddenFilesAndExcludedFoldersAreNotWatched() throws {
        let course = try Course(["a.md": "a"])
        let cache = course.lessons + "/cache"
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        let excluded: Set<String> = [FileSystem.realPath(cache) ?? cache]
        let before = FolderSnapshot.take(course.lessons, excluding: excluded)
        try course.write(".a.md.swp", "editor state")
        try course.write(".git/index", "x")
        try course.write("cache/entry", "x")
        #expect(FolderSnapshot.take(course.lessons, excluding: excluded) == before)
    }
}
