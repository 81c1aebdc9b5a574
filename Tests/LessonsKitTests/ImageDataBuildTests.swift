import Foundation
import Testing
@testable import LessonsKit

/// A model on pictures (`csv(..., classes:, image:)`): the page draws the examples the trained
/// model gets wrong, and a picture size that does not match the inputs is an error at `image:`.
@Suite struct ImageDataBuildTests {
    /// Two 2 × 2 pictures three times each, one of the three with the other picture's label: the
    /// model learns the majority for each, and gets those two examples wrong.
    private let data = "a,b,c,d,label\n1,0,0,1,0\n0,1,1,0,1\n1,0,0,1,0\n0,1,1,0,1\n1,0,0,1,1\n0,1,1,0,0\n"

    private func lesson(image: String) -> String {
        "# A\n\n```model m\ndata csv(\"data/p.csv\", y: [label], classes: 2, image: \(image))\nparam W = zeros([4, 2])\n"
            + "out = X @ W\nloss = softmax_cross_entropy(out, y)\ntrain sgd(lr: 0.5) epochs 20\n```\n"
    }

    @Test func theMistakesAreDrawnAsPictures() throws {
        let w = try Workspace()
        try w.write("data/p.csv", data)
        try w.buildLesson("a.md", lesson(image: "[2, 2]"))
        let page = w.page("a")
        #expect(page.contains("<figure class=\"chart mistakes wide\">"))
        #expect(page.contains("The 2 training examples (of 6) the trained model gets wrong, each marked label → prediction, "
            + "with the probability the model gives its prediction"))
        let files = w.outputTree()
        let svg = try #require(files["a/figures/m-mistakes.svg"].map { String(decoding: $0, as: UTF8.self) })
        #expect(files["a/figures/m-mistakes-narrow.svg"] != nil)
        // Two pictures drawn with Cairo (paths, no embedded image), each framed.
        #expect(svg.contains("<svg") && !svg.contains("<image"))
        #expect(svg.components(separatedBy: "h57v57h-57z").count - 1 == 2, "two frames around 2 × 2 pictures of 28 px pixels")
    }

    @Test func aPictureSizeMustMatchTheInputs() throws {
        let w = try Workspace()
        try w.write("data/p.csv", data)
        try w.write("a.md", lesson(image: "[3, 3]"))
        let diagnostics = w.build().diagnostics.map(\.description)
        #expect(diagnostics == ["lessons/a.md:4:55: error: an image of 3 × 3 pixels needs 9 input columns, one per pixel, but X has 4"])
    }
}
