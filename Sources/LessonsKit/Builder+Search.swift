import LessonModel
import Site

/// The search indexes: one per edition (`assets/search-<code>.js`), so a reader searches the
/// lessons of the language they read, and each page's box loads its own edition's file.
struct SearchFiles {
    /// The index file (in `assets/`) of each edition code, and of each lesson by slug.
    var byEdition: [String: String] = [:]
    var bySlug: [String: String] = [:]
    var files: [(String, [UInt8])] = []

    init(_ course: LoadedCourse, ran: [RanLesson]) {
        var editions: [(code: String, pages: [SearchIndex.Page])] = []
        for (i, lesson) in course.lessons.enumerated() {
            let code = IndexPage.edition(of: lesson.frontMatter.lang, default: course.mainEdition)
            let quotes = i < ran.count ? ran[i].result.quotes : [:]
            let page = SearchIndex.Page(title: lesson.title, path: HTML.pathURL(lesson.slug) + "/index.html",
                                        sections: SearchSections.of(lesson, quotes: quotes))
            if let k = editions.firstIndex(where: { $0.code == code }) { editions[k].pages.append(page) } else { editions.append((code, [page])) }
            bySlug[lesson.slug] = code
        }
        for (k, edition) in editions.enumerated() {
            let name = SearchIndex.fileName(edition: edition.code, ordinal: k)
            byEdition[edition.code] = name
            files.append(("assets/\(name)", SearchIndex(pages: edition.pages).script))
        }
        bySlug = bySlug.mapValues { byEdition[$0] ?? "" }
    }
}
