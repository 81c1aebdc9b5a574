import Foundation
import Testing
@testable import LessonsServe

@Suite struct ReloadSnippetTests {
    private func inject(_ html: String) -> String {
        String(decoding: ReloadSnippet.inject(into: Data(html.utf8), build: "ab-3"), as: UTF8.self)
    }

    @Test func scriptGoesBeforeTheLastClosingBody() {
        let out = inject("<body><p>x</p></body>\n</html>\n")
        #expect(out == "<body><p>x</p>" + ReloadSnippet.script(build: "ab-3") + "</body>\n</html>\n")
    }

    @Test func closingBodyIsFoundInAnyCase() {
        #expect(inject("<p>x</p></BODY>").hasSuffix("</script>\n</BODY>"))
    }

    @Test func withoutABodyTheScriptIsAppended() {
        #expect(inject("<p>x</p>") == "<p>x</p>" + ReloadSnippet.script(build: "ab-3"))
        #expect(inject("") == ReloadSnippet.script(build: "ab-3"))
    }

    @Test func scriptListensToTheEventsAndKnowsItsBuild() {
        let script = ReloadSnippet.script(build: "ab-3")
        #expect(script.contains("var served = \"ab-3\""))
        #expect(script.contains("new EventSource(\"/__lessons/events\")"))
    }
}
