import Browser
import Foundation
import Testing
@testable import LessonsKit

// Editable graphs with groups (issue 16, item 2): after an edit, every text the page shows (the
// cards of nodes and of closed groups, in the collapsed drawing and in an opened one loaded
// after the edit, the node table, the walk's node and group steps, the edge labels) is what a
// build of the edited lesson shows, to the character.

private func neuron(x: String, w: String, b: String = "1", descend: Bool = false, chinese: Bool = false) -> String {
    (chinese ? "---\nlang: zh-CN\n---\n" : "") + """
    # A neuron

    ```graph neuron\(descend ? "\ndescend L over w, b" : "")
    x = \(x)
    param w = \(w)
    param b = \(b)
    z = x * w + b
    h = tanh(z)
    L = (h - 1)^2
    group neuron: w, b, z, h
    ```
    """
}

private func built(_ lesson: String) throws -> Workspace {
    let workspace = try Workspace()
    try workspace.write("neuron.md", lesson)
    let report = workspace.build(workspace.lessons, output: workspace.output, useCache: false)
    #expect(report.succeeded, "\(report.diagnostics)")
    return workspace
}

/// Every text of the widget, per drawing (view and wide/narrow), then the table and the whole walk
/// (the opened view's steps too); a group's entries are those with data-node ≥ 9 (the node count).
private let collect = """
    function texts(w) {
      var map = function (list, f) { return Array.prototype.map.call(list, f); };
      return {
        cells: map(w.querySelectorAll(".diagram .cell"), function (c) {
          var d = c.closest(".diagram");
          return d.dataset.view + d.className + " " + c.dataset.node + (c.classList.contains("value") ? "v:" : "g:")
            + map(c.children, function (s) { return s.textContent; }).join("\\n");
        }),
        table: map(w.querySelectorAll(".node-table td[data-node]"), function (c) { return c.textContent; }),
        equations: map(w.querySelectorAll(".steps > li"), function (li) {
          return li.dataset.view + ":" + li.dataset.node + ":" + li.querySelector(".equation").textContent;
        }),
        labels: map(w.querySelectorAll(".live-label"), function (l) {
          return l.closest(".diagram").dataset.view + ":" + l.dataset.edge + ":" + l.textContent;
        })
      };
    }
    """

private struct Texts: Decodable, Equatable {
    var cells: [String]; var table: [String]; var equations: [String]; var labels: [String]
}

/// The edited page: the lesson's texts, those after the edit, after opening the group (its view
/// loads after the edit), after closing it, and after Reset.
private struct Edited: Decodable {
    var lesson: Texts; var edited: Texts; var opened: Texts; var closed: Texts; var reset: Texts; var bad: [String]; var error: String
}
/// The build of the edited lesson: its texts with the group opened, and the live labels (the
/// page's own, once it has rendered the lesson's values with Reset).
private struct Built: Decodable { var opened: Texts; var labels: [String] }

private func awaited(_ browser: ChromiumSession, _ probe: String) throws -> String? {
    let reply = try browser.page("Runtime.evaluate", ["expression": probe, "awaitPromise": true, "returnByValue": true])
    return (reply["result"] as? [String: Any])?["value"] as? String
}

@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct LiveGroupTests {
    /// In both editions: the Chinese page's templates (group summaries, walk glosses) are its own.
    @Test(arguments: [false, true])
    func editingAGroupedGraphRewritesEveryCardSummaryTableAndStepAsABuildOfTheEditedLesson(chinese: Bool) throws {
        let lesson = try built(neuron(x: "2", w: "0.5", chinese: chinese))
        let edited = try built(neuron(x: "1.5", w: "-0.3", chinese: chinese))
        #expect(lesson.page("neuron").contains("class=\"live-edit\""), "a graph with groups gets the editing controls")
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }

        try browser.open(edited.output + "/neuron/index.html")
        let builtProbe = """
            new Promise(function (done) {
              \(collect)
              var w = document.querySelector(".graph-widget"), out = {};
              w.addEventListener("lessons:views", function () {
                out.opened = texts(w);
                w.lessonsLive.ready(function () { w.lessonsLive.reset(); out.labels = texts(w).labels; done(JSON.stringify(out)); });
              });
              w.querySelector('.diagram[data-view="0"] .expand[data-open="1"]').click();
            })
            """
        let builtJSON = try #require(try awaited(browser, builtProbe), "\(browser.consoleErrors)")
        let build = try JSONDecoder().decode(Built.self, from: Data(builtJSON.utf8))
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")

        try browser.open(lesson.output + "/neuron/index.html")
        let editProbe = """
            new Promise(function (done) {
              \(collect)
              var w = document.querySelector(".graph-widget"), live = w.lessonsLive, out = {};
              live.ready(function () {
                out.lesson = texts(w);
                live.applyLink("x=1.5,w=-0.3");
                out.edited = texts(w);
                w.addEventListener("lessons:views", function () {
                  out.opened = texts(w);
                  w.querySelector('.diagram[data-view="1"] .collapse').click();
                  out.closed = texts(w);
                  live.reset();
                  out.reset = texts(w);
                  // u1 = x · w overflows inside the closed group: its card says so.
                  live.applyLink("x=1e308,w=1e308");
                  out.bad = Array.prototype.map.call(w.querySelectorAll(".node.live-bad"), function (c) {
                    return c.closest(".diagram").dataset.view + ":" + c.dataset.node;
                  });
                  out.error = w.querySelector(".live-error") ? w.querySelector(".live-error").textContent : "";
                  live.reset();
                  done(JSON.stringify(out));
                });
                w.querySelector('.diagram[data-view="0"] .expand[data-open="1"]').click();
              });
            })
            """
        let json = try #require(try awaited(browser, editProbe), "\(browser.consoleErrors)")
        let page = try JSONDecoder().decode(Edited.self, from: Data(json.utf8))
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")

        // Every number shown, in both drawings of view 0 and in the opened view, the group's summary
        // card and its two steps included, is the edited build's.
        #expect(page.opened.cells == build.opened.cells)
        #expect(page.opened.table == build.opened.table)
        #expect(page.opened.equations == build.opened.equations)
        #expect(page.opened.labels == build.labels)
        #expect(!page.opened.labels.isEmpty, "the arrows between loose nodes carry live labels")
        #expect(page.closed == page.opened, "closing the group changes no text")
        // Before the opened view loaded, view 0 already showed the edited build's numbers.
        #expect(page.edited.cells == build.opened.cells.filter { $0.hasPrefix("0") })
        #expect(page.edited.equations == build.opened.equations.filter { $0.hasPrefix("0:") })
        #expect(page.edited.cells.contains { $0.contains(" 9v:") }, "the group's summary card is there")
        // Reset writes the lesson's texts exactly as the lesson's build did (templates = the build's forms).
        #expect(page.reset.cells.filter { $0.hasPrefix("0") } == page.lesson.cells)
        #expect(page.reset.equations.filter { $0.hasPrefix("0:") } == page.lesson.equations)
        #expect(page.reset.table == page.lesson.table)
        #expect(page.lesson.cells != page.edited.cells)
        // A value that goes wrong inside the closed group is shown at the group's card (and at its own in the opened view).
        #expect(page.bad == ["0:9", "0:9", "1:3"], "\(page.bad)")
        #expect(page.error.hasPrefix(chinese ? "u1 的值是" : "The value of u1 is"), "\(page.error)")
        if chinese {
            #expect(page.edited.equations.contains { $0.contains("反向") || $0.contains("（") }, "\(page.edited.equations)")
        }
    }

    /// A step of gradient descent on a grouped graph rewrites the page as a build with the stepped
    /// values does (the closed group's card and steps included).
    @Test func aDescentStepOnAGroupedGraphShowsWhatABuildOfTheSteppedValuesShows() throws {
        let lesson = try built(neuron(x: "2", w: "0.5", descend: true))
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        try browser.open(lesson.output + "/neuron/index.html")
        let stepProbe = """
            new Promise(function (done) {
              \(collect)
              var w = document.querySelector(".graph-widget"), live = w.lessonsLive;
              live.ready(function () {
                w.querySelector(".descent-step").click();
                var t = texts(w);
                done(JSON.stringify({ w: String(live.values(1)[0]), b: String(live.values(2)[0]), cells: t.cells,
                                      table: t.table, equations: t.equations }));
              });
            })
            """
        struct Stepped: Decodable { var w: String; var b: String; var cells: [String]; var table: [String]; var equations: [String] }
        let json = try #require(try awaited(browser, stepProbe), "\(browser.consoleErrors)")
        let stepped = try JSONDecoder().decode(Stepped.self, from: Data(json.utf8))
        #expect(stepped.w != "0.5" && stepped.b != "1", "the step moved w and b")
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")

        let moved = try built(neuron(x: "2", w: stepped.w, b: stepped.b, descend: true))
        try browser.open(moved.output + "/neuron/index.html")
        let builtProbe = """
            new Promise(function (done) {
              \(collect)
              var t = texts(document.querySelector(".graph-widget"));
              done(JSON.stringify({ w: "", b: "", cells: t.cells, table: t.table, equations: t.equations }));
            })
            """
        let builtJSON = try #require(try awaited(browser, builtProbe), "\(browser.consoleErrors)")
        let build = try JSONDecoder().decode(Stepped.self, from: Data(builtJSON.utf8))
        #expect(stepped.cells == build.cells)
        #expect(stepped.table == build.table)
        #expect(stepped.equations == build.equations)
        #expect(stepped.cells.contains { $0.contains(" 9g:") })
    }

    /// An exercise on a grouped graph: the walk the page writes with the live evaluator (node
    /// equations that name a node inside the group say so) is the build's, to the character.
    @Test func anExerciseOnAGroupedGraphRewritesItsWalkAsTheBuildWroteIt() throws {
        let lesson = try built(neuron(x: "2", w: "0.5") + "\n\n```exercise neuron\nwith x = 1.5\nask dL/dx\n```\n")
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        try browser.open(lesson.output + "/neuron/index.html")
        let probe = """
            new Promise(function (done) {
              var box = document.querySelector(".exercise"), tries = 0;
              var walk = function () { return Array.prototype.map.call(box.querySelectorAll(".exercise-walk li"), function (li) { return li.textContent; }); };
              var built = walk();
              box.querySelector(".exercise-input").value = "1";
              box.querySelector(".exercise-form").requestSubmit();
              (function wait() {
                var verdict = box.querySelector(".exercise-verdict").textContent;
                if (!verdict && tries++ < 200) { setTimeout(wait, 20); return; }
                done(JSON.stringify([built, walk(), [verdict]]));
              })();
            })
            """
        let json = try #require(try awaited(browser, probe), "\(browser.consoleErrors)")
        let walks = try JSONDecoder().decode([[String]].self, from: Data(json.utf8))
        #expect(walks.count == 3 && walks[0] == walks[1], "\(walks)")
        #expect(walks[0].contains { $0.contains("(inside neuron)") }, "\(walks)")
        #expect(walks.last?.first?.hasPrefix("Not quite") == true, "\(walks)")
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
    }
}
