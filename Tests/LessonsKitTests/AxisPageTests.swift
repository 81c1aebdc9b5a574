import Foundation
import Testing
@testable import LessonsKit

// The reductions' trace names are NumPy's (amax, amin); the page's walk says what the lesson wrote.
@Suite struct AxisPageTests {
    @Test func theWalkWritesMaxOfOneTensorAsTheLessonDid() throws {
        let w = try Workspace()
        try w.write("a.md", "---\ntitle: Max\n---\n\n```graph g\nx = [2.0, 5.0, 1.0]\ny = max(x)\np = softmax(x)\n```\n")
        #expect(w.build().succeeded)
        let page = w.page("a")
        #expect(page.contains("<span class=\"equation\">y = max(x) = "), "the walk's equation names max")
        #expect(page.contains("<span class=\"equation\">p = softmax(x) = "))
        #expect(!page.contains("<span class=\"equation\">y = amax"))  // the PyTorch tab does say torch.amax(x)
    }

    @Test func theWalkWritesTheAxisAndKeepdimsAsTheLessonDid() throws {
        let w = try Workspace()
        try w.write("a.md", "---\ntitle: Axis\n---\n\n```graph g\nX = [[1, 2, 3], [4, 5, 6]]\ns = sum(X, axis: 0)\n"
                    + "m = mean(X, axis: 1, keepdims: true)\nk = max(X, axis: 1)\nL = sum(s) + sum(m) + sum(k)\n```\n")
        #expect(w.build().succeeded)
        let page = w.page("a")
        #expect(page.contains("<span class=\"equation\">s = sum(X, axis: 0) = [5, 7, 9]"))
        #expect(page.contains("<span class=\"equation\">m = mean(X, axis: 1, keepdims: true) = [[2], [5]]"))
        #expect(page.contains("<span class=\"equation\">k = max(X, axis: 1) = [3, 6]"))
        #expect(page.contains("<span class=\"equation\">u1 = sum(s) = 21"))
    }
}
