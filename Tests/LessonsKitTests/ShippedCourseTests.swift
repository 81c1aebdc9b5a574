import Foundation
import Testing
import Figures
import LessonModel
import Training
@testable import LessonsKit
@testable import Presentation

/// The repository's own `lessons/` folder.
let shippedLessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../lessons").standardizedFileURL.path

/// Every graph block of the shipped course, parsed and run.
func shippedGraphs() throws -> [(String, Trace)] {
    var result: [(String, Trace)] = []
    for case let file as String in FileManager.default.enumerator(atPath: shippedLessons)! where file.hasSuffix(".md") {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: shippedLessons + "/" + file)))
        let lesson = try #require(LessonParser.parse(bytes: bytes, path: file, relativePath: file).0)
        for block in lesson.lessonBlocks where block.kind == .graph {
            let program = try #require(BlockLanguage.parseGraph(block, path: file).0, "\(file):\(block.fenceLine)")
            let trace = try #require(GraphRunner.run(program, lesson: lesson.slug, block: block.name ?? "", path: file).0)
            result.append(("\(file):\(block.fenceLine)", trace))
        }
    }
    return result
}

private func overlaps(_ a: Rect, _ b: Rect) -> Bool {
    a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
}

@Suite struct ShippedCourseTests {
    @Test func theCourseHasGraphBlocks() throws {
        #expect(try shippedGraphs().count >= 5)
    }

    @Test func noBoxesOrLabelsOverlapInAnyShippedGraph() throws {
        for (name, trace) in try shippedGraphs() {
            let presentation = GraphPresentation(trace: trace, source: "", stem: "t")
            let diagram = presentation.diagram(trace.steps[0])
            let layout = try diagram.layout()
            let boxes = layout.layered.nodeFrames + layout.layered.labelFrames.compactMap { $0 }
            for i in boxes.indices {
                #expect(boxes[i].minX >= 0 && boxes[i].maxX <= layout.size.width && boxes[i].minY >= 0
                        && boxes[i].maxY <= layout.size.height, "\(name): box \(i) leaves the picture")
                for j in boxes.indices where j > i {
                    #expect(!overlaps(boxes[i], boxes[j]), "\(name): boxes \(i) and \(j) overlap")
                }
            }
        }
    }

    @Test func everyLabelFitsItsBox() throws {
        let ruler = try Canvas(size: Size(width: 10, height: 10))
        let metrics = GraphDiagram.Metrics()
        for (name, trace) in try shippedGraphs() {
            let diagram = GraphPresentation(trace: trace, source: "", stem: "t").diagram(trace.steps[0])
            let layout = try diagram.layout()
            for (i, card) in diagram.cards.enumerated() {
                let frame = layout.layered.nodeFrames[i]
                var title = metrics.titleStyle
                title.maxWidth = nil
                let full = try ruler.measure(card.title, style: title).width
                let shown = min(full, metrics.titleStyle.maxWidth ?? full)
                let caption = try ruler.measure(card.caption, style: metrics.captionStyle).width
                #expect(shown + caption + 2 * metrics.padding <= frame.width + 0.5, "\(name): title of \(card.title)")
                for line in card.valueLines + card.gradientLines {
                    let width = try ruler.measure(line, style: metrics.lineStyle).width
                    #expect(width + 2 * metrics.padding <= frame.width + 0.5, "\(name): '\(line)' in \(card.title)")
                }
            }
            for (e, edge) in diagram.edges.enumerated() {
                guard let label = edge.label, let frame = layout.layered.labelFrames[e] else { continue }
                let size = try ruler.measure(label, style: metrics.labelStyle)
                #expect(size.width <= frame.width && size.height <= frame.height, "\(name): label \(label)")
            }
        }
    }

    /// (That every build of it gives the same bytes is `CacheTests.outputIsIdenticalForEveryJobCountCacheStateAndWorkingDirectory`.)
    @Test func theCourseBuildsWithoutWarningsIntoPagesFiguresAndTraces() throws {
        let course = try SharedCourse.get()
        #expect(course.report.warningCount == 0, "\(course.report.diagnostics)")
        let files = Workspace.tree(at: course.output).keys
        #expect(files.contains { $0.hasSuffix(".svg") } && files.contains { $0.hasSuffix(".json") })
        #expect(!files.contains { $0.hasSuffix(".png") || $0.hasSuffix("-dark.svg") }, "one SVG serves light and dark; no PNG copies")
    }
}

@Suite struct ShippedModelTests {
    /// The XOR lesson's trace must show the NumPy reference losses (scripts/xor_reference.py).
    @Test func xorLessonTraceShowsTheReferenceLosses() throws {
        let course = try SharedCourse.get()
        let json = try #require(FileManager.default.contents(atPath: course.output + "/shared/xor-from-scratch/trace/xor.json"),
                                 "both editions run the XOR block, so its trace is shared")
        struct Trace: Decodable { struct Step: Decodable { var step: Int; var loss: Double? }; var steps: [Step] }
        let trace = try JSONDecoder().decode(Trace.self, from: json)
        let losses = Dictionary(uniqueKeysWithValues: trace.steps.map { ($0.step, $0.loss ?? .nan) })
        #expect(losses[0] == 2.4171288283624666)
        let last = try #require(losses[49_999])
        #expect(abs(last - 1.033171726341005e-04) <= 1e-9 * 1.033171726341005e-04)
    }
}
