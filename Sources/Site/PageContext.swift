import LessonModel

/// Where an image of a lesson ends up on the page.
public enum ImageTarget: Sendable, Equatable {
    /// Copied into the output; `href` is relative to the lesson page.
    case local(href: String)
    /// Not found: the page shows the alt text instead.
    case missing
    /// A URL with a scheme (`https:`, `data:`), used as written.
    case external
}

/// What a page needs to know beyond its own lesson: the course, its neighbours, its resolved files.
public struct PageContext: Sendable {
    public var courseTitle: String
    public var previous: LessonLink?
    public var next: LessonLink?
    /// Resolved images, keyed by the URL as written in the lesson.
    public var images: [String: ImageTarget]
    /// Lesson files of the course (relative path -> slug), so `[see](other.md)` links to its page.
    public var lessonSlugs: [String: String]
    /// Executed lesson blocks, keyed by the line of their opening fence.
    public var widgets: [Int: GraphWidget]
    /// The text of each quoted result, by index into the lesson's `references`.
    public var quotes: [Int: String]
    /// Trained model blocks, keyed by the line of their opening fence.
    public var models: [Int: ModelWidget] = [:]
    /// Charts of `compare` blocks, keyed by the line of their opening fence.
    public var charts: [Int: ModelWidget.Chart] = [:]

    public init(courseTitle: String, previous: LessonLink? = nil, next: LessonLink? = nil,
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
public struct LessonLink: Sendable, Equatable {
    public var slug: String
    public var title: String

    public init(slug: String, title: String) {
        self.slug = slug
        self.title = title
    }

    /// The link from a sibling lesson page (file:// needs the explicit `index.html`).
    var href: String { "../\(HTML.pathURL(slug))/index.html" }
}

/// The few words the site itself writes, in the lesson's language.
struct Phrases {
    var contents = "Contents", previous = "Previous", next = "Next", lessons = "Lessons", imageMissing = "Image not available"

    init(lang: String?) {
        if let lang, lang.lowercased().hasPrefix("zh") {
            contents = "目录"; previous = "上一课"; next = "下一课"; lessons = "课程"; imageMissing = "图片缺失"
        }
    }
}
