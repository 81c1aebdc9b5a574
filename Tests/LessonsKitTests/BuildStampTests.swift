import Foundation
import Testing
@testable import LessonsKit

/// A build with nothing changed does nothing; any change to an input or to the output builds.
@Suite(.serialized) struct BuildStampTests {
    private let graph = "```graph g\na = 2\nb = a * 3\n```\n"

    private func course() throws -> Workspace {
        let w = try Workspace()
        try w.write("points.csv", "x,y\n1,2\n2,4\n")
        try w.write("images/dot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>")
        try w.write("a.md", "# A\n\nProse.\n\n![dot](images/dot.svg)\n\n" + graph)
        try w.write("b.md", "# B\n\n```model fit\ndata csv(\"points.csv\", x: [x], y: [y])\nparam w = zeros([1, 1])\n"
                    + "loss = mean((X @ w - y)^2)\ntrain sgd(lr: 0.05) epochs 10\n```\n")
        return w
    }

    private func upToDateAfter(_ w: Workspace, _ change: () throws -> Void) rethrows -> Bool {
        let first = w.build()
        #expect(first.succeeded)
        try change()
        let second = w.build()
        #expect(second.succeeded)
        return second.upToDate
    }

    @Test func aSecondBuildWithNothingChangedDoesNothing() throws {
        let w = try course()
        #expect(!w.build().upToDate)
        let before = w.outputTree()
        let again = w.build()
        #expect(again.upToDate && again.pagesWritten == 2 && again.blocksRun == 0)
        #expect(again.summary(outputDirectory: "output") == "lessons: output/ is up to date (2 lessons; nothing changed since the last build)")
        #expect(w.outputTree() == before)
    }

    @Test func anyChangedInputBuildsAgain() throws {
        let w = try course()
        #expect(!(try upToDateAfter(w) { try w.write("a.md", "# A\n\nOther prose.\n\n" + graph) }))
        #expect(w.page("a").contains("Other prose."))
        #expect(!(try upToDateAfter(w) { try w.write("points.csv", "x,y\n1,3\n2,6\n") }))
        #expect(!(try upToDateAfter(w) { try w.write("images/dot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"/>") }))
        #expect(!(try upToDateAfter(w) { try w.write("c.md", "# C\n") }))
        #expect(w.build().pagesWritten == 3)
        #expect(!(try upToDateAfter(w) { try FileManager.default.removeItem(atPath: w.lessons + "/c.md") }))
        #expect(!(try upToDateAfter(w) { try w.write("course.yml", "title: Renamed\n") }))
        #expect(w.build().upToDate)
    }

    @Test func aTouchedOrDeletedOutputFileIsRebuilt() throws {
        let w = try course()
        _ = w.build()
        let before = w.outputTree()
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: w.output + "/a/index.html"))
        #expect(!w.build().upToDate)
        #expect(w.outputTree() == before)
        try FileManager.default.removeItem(atPath: w.output + "/b/trace/fit.json")
        #expect(!w.build().upToDate)
        #expect(w.outputTree() == before)
        try Data().write(to: URL(fileURLWithPath: w.output + "/extra.txt"))
        #expect(!w.build().upToDate)
        #expect(w.outputTree() == before)
    }

    @Test func warningsAreRepeatedNotSkipped() throws {
        let w = try course()
        try w.write("a.md", "# A\n\n```python\nprint(1)\n")  // an unclosed fence is a warning
        let first = w.build()
        #expect(first.succeeded && first.warningCount > 0)
        let second = w.build()
        #expect(!second.upToDate && second.warningCount == first.warningCount)
    }

    @Test func optionsAndOutputFoldersAreKeptApart() throws {
        let w = try course()
        _ = w.build()
        #expect(!w.build(output: "other").upToDate)
        #expect(w.build(output: "other").upToDate)
        #expect(w.build().upToDate)
        #expect(!w.build(useCache: false).upToDate)  // --no-cache always builds
        var options = BuildOptions(lessonsDirectory: w.lessons, outputDirectory: w.output)
        options.baseURL = "https://example.org/course/"
        #expect(!Builder.build(options).upToDate)
        #expect(FileManager.default.fileExists(atPath: w.output + "/sitemap.xml"))
    }

    @Test func aBuildOfTheSameInputsAfterAFailureIsNotSkipped() throws {
        let w = try course()
        _ = w.build()
        try w.write("a.md", "# A\n\n```graph g\na = \n```\n")
        #expect(!w.build().succeeded)
        try w.write("a.md", "# A\n\nProse.\n\n![dot](images/dot.svg)\n\n" + graph)
        // Back to the inputs of the last successful build, whose output is still in place.
        #expect(w.build().upToDate)
    }

    @Test func cleanAcceptsStamps() throws {
        let w = try course()
        _ = w.build()
        let folder = w.root.appendingPathComponent(".lessons-cache").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).contains { $0.hasSuffix(BuildStamp.suffix) })
        try Builder.removeCache(folder)
        #expect(!w.build().upToDate)
    }
}
