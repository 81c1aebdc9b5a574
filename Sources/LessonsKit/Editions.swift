import LessonModel
import Site

/// The course's language editions (a lesson's edition is the primary subtag of its `lang`), each
/// with its own index and title, and which lessons are the same lesson in another language: the
/// same file name within their edition's folder (`zh/chain-rule.md` is `chain-rule.md` in Chinese).
struct Editions {
    /// One language's part of the course.
    struct Edition {
        var code: String
        /// The `lang` its pages carry (the first lesson's, e.g. `zh-CN`).
        var lang: String
        var title: String
        var description: String?
        /// Its index, relative to the output folder: `index.html` for the main edition, `zh/index.html` for another.
        var index: String
        /// Slugs of its lessons, in course order.
        var slugs: [String] = []
    }

    private(set) var all: [Edition] = []
    private var editionOfSlug: [String: Int] = [:]
    /// Lessons that are one lesson in several languages, by their path within their edition.
    private var counterparts: [String: [String]] = [:]
    private var keyOfSlug: [String: String] = [:]

    /// `titles` gives an edition's own title and description (from `<lessons>/<code>/course.yml`).
    init(_ course: LoadedCourse, titles: (String) -> (title: String, description: String?)?) {
        for lesson in course.lessons {
            let code = IndexPage.edition(of: lesson.frontMatter.lang, default: course.mainEdition)
            let index: Int
            if let found = all.firstIndex(where: { $0.code == code }) {
                index = found
            } else {
                let main = code == course.mainEdition
                let own = main ? nil : titles(code)
                all.append(Edition(code: code, lang: lesson.frontMatter.lang ?? course.config.lang ?? code,
                                   title: own?.title ?? course.config.title,
                                   description: own?.description ?? (main ? course.config.description : nil),
                                   index: main ? "index.html" : "\(code)/index.html"))
                index = all.count - 1
            }
            all[index].slugs.append(lesson.slug)
            editionOfSlug[lesson.slug] = index
            let prefix = code + "/"
            let key = lesson.relativePath.hasPrefix(prefix) ? String(lesson.relativePath.dropFirst(prefix.count)) : lesson.relativePath
            keyOfSlug[lesson.slug] = key
            counterparts[key, default: []].append(lesson.slug)
        }
    }

    /// Whether editions get indexes of their own: more than one edition, and every code a plain
    /// language subtag (letters only), so that it can name a folder.
    var separate: Bool {
        all.count > 1 && all.allSatisfy { e in !e.code.isEmpty && e.code.count <= 8 && e.code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } }
    }

    /// The folders the editions' indexes take (none that a lesson may use).
    var indexFolders: [String] { separate ? all.dropFirst().map(\.code) : [] }

    func edition(ofSlug slug: String) -> Edition? { editionOfSlug[slug].map { all[$0] } }

    /// The links of a lesson page: its edition's index, and the same lesson (or, without one, the
    /// index) in every other edition.
    func links(forSlug slug: String) -> EditionLinks? {
        guard separate, let mine = editionOfSlug[slug] else { return nil }
        var alternates: [EditionLinks.Alternate] = []
        let same = keyOfSlug[slug].flatMap { counterparts[$0] } ?? []
        for (i, other) in all.enumerated() where i != mine {
            let target = same.first { editionOfSlug[$0] == i }
            alternates.append(EditionLinks.Alternate(lang: other.lang, name: IndexPage.editionName(other.code),
                                                     href: "../" + (target.map { HTML.pathURL($0) + "/index.html" } ?? other.index)))
        }
        return EditionLinks(home: "../" + all[mine].index, alternates: alternates)
    }

    /// The links of edition `i`'s index page.
    func indexLinks(_ i: Int) -> EditionLinks {
        let root = i == 0 ? "" : "../"
        return EditionLinks(home: root + all[i].index, alternates: all.indices.filter { $0 != i }.map {
            EditionLinks.Alternate(lang: all[$0].lang, name: IndexPage.editionName(all[$0].code), href: root + all[$0].index)
        })
    }
}
