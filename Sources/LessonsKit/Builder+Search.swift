import LessonModel
import Site

/// The search indexes: one per edition (`assets/search-<code>.js`), so a reader searches the
/// lessons of the language they read, and each page's box loads its own edition's file.
struct SearchFiles: Sendable {
    /// The index file (in `assets/`) of each edition code, and of each lesson by slug.
    var byEdition: [String: String] = [:]
    var bySlug: [String: String] = [:]
    /// The editions' codes in the order their first lessons come.
    private var codes: [String] = []

    /// Which file each page loads: known from the lessons' languages alone, before the indexes
    /// themselves are made (`files`).
    init(_ course: LoadedCourse) {
        for lesson in course.lessons {
            let code = Self.edition(of: lesson, in: course)
            if !codes.contains(code) { codes.append(code) }
            bySlug[lesson.slug] = code
        }
        for (k, code) in codes.enumerated() { byEdition[code] = SearchIndex.fileName(edition: code, ordinal: k) }
        bySlug = bySlug.mapValues { byEdition[$0] ?? "" }
    }

    /// The index files, one per edition.
    func files(_ course: LoadedCourse, ran: [RanLesson]) -> [(String, [UInt8])] {
        var pages: [String: [SearchIndex.Page]] = [:]
        for (i, lesson) in course.lessons.enumerated() {
            let quotes = i < ran.count ? ran[i].result.quotes : [:]
            pages[Self.edition(of: lesson, in: course), default: []].append(
                SearchIndex.Page(title: lesson.title, path: HTML.pathURL(lesson.slug) + "/index.html",
                                 sections: SearchSections.of(lesson, quotes: quotes)))
        }
        return codes.enumerated().map { k, code in
            ("assets/" + SearchIndex.fileName(edition: code, ordinal: k), SearchIndex(pages: pages[code] ?? []).script)
        }
    }

    private static func edition(of lesson: Lesson, in course: LoadedCourse) -> String {
        IndexPage.edition(of: lesson.frontMatter.lang, default: course.mainEdition)
    }
}
