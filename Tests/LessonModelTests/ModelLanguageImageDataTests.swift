import Testing
@testable import LessonModel

// `data csv(...)` with class labels and pictures: `classes:` one-hots a label column, `image:`
// says each row of X is a picture, and without `x:` every other column is an input.

@Test func csvWithClassesAndImageNamesTheirShape() throws {
    let p = try modelProgram(lines("data csv(\"data/digits.csv\", y: [label], classes: 10, image: [8, 8])",
                                   "param w = zeros([64, 10])", "loss = softmax_cross_entropy(X @ w, y)", "train sgd(lr: 0.1) epochs 1"))
    guard case .csv(let source) = p.data else { Issue.record("expected csv data, got \(p.data)"); return }
    #expect(source.path == "data/digits.csv" && source.x.isEmpty && source.y == ["label"] && source.classes == 10)
    #expect(source.image == ImageShape(height: 8, width: 8, position: SourcePosition(line: 2, column: 61)))
}

@Test func classesNeedOneLabelColumnAndAWholeCount() {
    #expect(modelErrors(withModel("data csv(\"d.csv\", y: [a, b], classes: 3)")) == [
        "t.md:2:39: error: with 'classes', y names the one column that holds each example's class (0, 1, 2, ...), "
            + "like 'y: [label], classes: 10'; found 2 columns",
    ])
    for bad in ["1", "2.5", "1001", "ten"] {
        #expect(modelErrors(withModel("data csv(\"d.csv\", y: [a], classes: \(bad))")) == [
            "t.md:2:36: error: 'classes' must be a whole number from 2 to 1000, found '\(bad)'",
        ])
    }
}

@Test func imageIsAHeightAndAWidth() {
    for bad in ["8", "[8]", "[8, 8, 1]", "[0, 8]", "[8, 65]", "[8, 2.5]"] {
        let errors = modelErrors(withModel("data csv(\"d.csv\", y: [a], image: \(bad))"))
        #expect(errors.count == 1 && errors.first?.contains("error: 'image' must be the height and width of the pictures in pixels, "
            + "like [8, 8], each from 1 to 64; found") == true, "\(bad): \(errors)")
    }
    #expect(modelErrors(withModel("data csv(\"d.csv\", y: [a], image: [2, 2], image: [2, 2])"))
            == ["t.md:2:42: error: argument 'image' is given twice"])
}
