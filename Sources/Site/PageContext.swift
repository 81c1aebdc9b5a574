import LessonModel

/// Where an image of a lesson ends up on the page.
package enum ImageTarget: Sendable, Equatable {
    /// Copied into the output; `href` is relative to the lesson page; `size` when its header said.
    case local(href: String, size: ImageSize? = nil)
    /// Not found: the page shows the alt text instead.
    case missing
    /// A URL with a scheme (`https:`, `data:`), used as written.
    case external
}

/// An image's size in CSS pixels, written on its `<img>` so the page keeps room for it before
/// it loads (slides are split by measured heights; text must not jump as images arrive).
package struct ImageSize: Sendable, Equatable {
    package var width: Int
    package var height: Int

    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// What a page needs to know beyond its own lesson: the course, its neighbours, its resolved files.
package struct PageContext: Sendable {
    package var courseTitle: String
    package var previous: LessonLink?
    package var next: LessonLink?
    /// Resolved images, keyed by the URL as written in the lesson.
    package var images: [String: ImageTarget]
    /// Lesson files of the course (relative path -> slug), so `[see](other.md)` links to its page.
    package var lessonSlugs: [String: String]
    /// Executed lesson blocks, keyed by the line of their opening fence.
    package var widgets: [Int: GraphWidget]
    /// The text of each quoted result, by index into the lesson's `references`.
    package var quotes: [Int: String]
    /// Exercises answered on the page, keyed by the line of their opening fence.
    package var exercises: [Int: ExerciseView] = [:]
    /// Trained model blocks, keyed by the line of their opening fence.
    package var models: [Int: ModelWidget] = [:]
    /// Charts of `compare` blocks, keyed by the line of their opening fence.
    package var charts: [Int: ModelWidget.Chart] = [:]
    /// The course's works, which the lesson's citations number and its references section lists.
    package var bibliography = Bibliography()
    /// Put before the ids of the references section and its entries: the print page holds every
    /// lesson, and two lessons citing one work must not share an id there.
    package var anchorPrefix = ""
    /// Every code listing in the page itself (the print page), none loaded on demand.
    package var inlineListings = false
    /// The page's absolute URL when the site's base URL is known (for `<link rel="canonical">`).
    package var canonicalURL: String?
    /// The edition's index and the same lesson in the other editions (nil: the course's one index).
    package var edition: EditionLinks?
    /// The edition's search index file in `assets/` (nil: no search box, as on the print page).
    package var searchIndex: String?
    /// The lesson's notebook next to the page (`LessonNotebook.fileName`), linked under the title.
    package var notebook: String?

    package init(courseTitle: String, previous: LessonLink? = nil, next: LessonLink? = nil,
                 images: [String: ImageTarget] = [:], lessonSlugs: [String: String] = [:],
                 widgets: [Int: GraphWidget] = [:], quotes: [Int: String] = [:]) {
        self.courseTitle = courseTitle
        self.previous = previous
        self.next = next
        self.images = images
        self.lessonSlugs = lessonSlugs
        self.widgets = widgets
        self.quotes = quotes
    }
}

/// A link to another lesson's page.
package struct LessonLink: Sendable, Equatable {
    package var slug: String
    package var title: String

    package init(slug: String, title: String) {
        self.slug = slug
        self.title = title
    }

    /// The link from a sibling lesson page (file:// needs the explicit `index.html`).
    var href: String { "../\(HTML.pathURL(slug))/index.html" }
}
