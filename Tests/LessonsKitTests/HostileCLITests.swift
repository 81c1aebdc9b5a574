import Foundation
import Testing
@testable import LessonsKit

/// The built `lessons` binary on bad command lines and bad courses: exit codes (64 for a bad
/// command line, 1 for errors), exact messages, nothing written outside the output folder.
@Suite(.serialized) struct HostileCLITests {
    @Test(arguments: [
        (["build", "--frobnicate"], "Error: Unknown option '--frobnicate'"),
        (["build", "--jobs", "0"], "Error: --jobs must be at least 1 (got 0)."),
        (["build", "--jobs", "-3"], "Error: Missing value for '--jobs <n>'"),
        (["build", "--jobs", "many"], "Error: The value 'many' is invalid for '--jobs <n>'"),
        (["build", "--jobs", "99999999999999999999"], "Error: The value '99999999999999999999' is invalid for '--jobs <n>'"),
        (["build", "--output", ""], "Error: --output must name a folder."),
        (["build", "lessons", "extra"], "Error: Unexpected argument 'extra'"),
        (["frobnicate"], "Error: Unexpected argument 'frobnicate'"),
    ])
    func badCommandLineExitsWith64(_ arguments: [String], _ first: String) throws {
        let course = try HostileCourse()
        let r = try runHostileCLI(arguments, course: course)
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix(first + "\n"), "\(r.stderr)")
    }

    @Test(arguments: [
        (["build", "nope"], "nope: error: lessons folder not found; expected a folder of Markdown lessons (see 'lessons build --help')\nlessons: 1 error, 0 warnings; output/ was left unchanged\n"),
        (["build", "lessons/intro.md"], "lessons/intro.md: error: is a file; expected a folder of Markdown lessons\nlessons: 1 error, 0 warnings; output/ was left unchanged\n"),
        (["build", "--output", "lessons"], "lessons: error: the output folder is the lessons folder; choose another --output\nlessons: 1 error, 0 warnings; lessons/ was left unchanged\n"),
        (["build", "--output", "lessons/"], "lessons/: error: the output folder is the lessons folder; choose another --output\nlessons: 1 error, 0 warnings; lessons/ was left unchanged\n"),
        (["build", "--output", "lessons/site"], "lessons/site: error: the output folder is inside the lessons folder; choose one outside it\nlessons: 1 error, 0 warnings; lessons/site/ was left unchanged\n"),
        (["build", "--cache-dir", "output/cache"], "output/cache: error: the cache folder is inside the output folder, which every build replaces; choose another --cache-dir\nlessons: 1 error, 0 warnings; output/ was left unchanged\n"),
        (["clean", "--cache-dir", "lessons"], "lessons: error: is not a cache folder: it has no CACHEDIR.TAG written by lessons and holds other files ('intro.md'); nothing was removed\n"),
    ])
    func badCourseExitsWith1(_ arguments: [String], _ stderr: String) throws {
        let course = try HostileCourse()
        let r = try runHostileCLI(arguments, course: course)
        #expect(r.status == 1)
        #expect(r.stderr == stderr)
    }

    @Test func brokenLessonFailsWithTheSameReportForEveryJobCount() throws {
        let course = try HostileCourse()
        try course.w.write("b.md", "# B\n\n```graph\ny = sigmod(2)\n```\n")
        try course.w.write("c.md", bytes: Array("# C\n".utf8) + [0xFF])
        let expected = """
            lessons/b.md:4:5: error: unknown function 'sigmod'; did you mean 'sigmoid'?
            lessons/c.md:2:1: error: invalid UTF-8 at byte offset 4; lessons must be UTF-8 text
            lessons: 2 errors, 0 warnings; output/ was left unchanged

            """
        for jobs in ["1", "2", "8"] {
            let r = try runHostileCLI(["build", "--jobs", jobs], course: course)
            #expect(r.status == 1)
            #expect(r.stderr == expected)
        }
    }

    @Test func hostileLessonThroughTheBinaryDoesNotCrash() throws {
        let course = try HostileCourse()
        try course.w.write("deep.md", String(repeating: "> ", count: 20_000) + "x\n")
        let r = try runHostileCLI(["build", "--no-cache"], course: course)
        #expect(r.status == 1)
        #expect(r.stderr == "lessons/deep.md:1:131: error: Markdown nested too deeply (more than 64 levels of lists, quotes or emphasis)\n"
            + "lessons: 1 error, 0 warnings; output/ was left unchanged\n")
    }
}
