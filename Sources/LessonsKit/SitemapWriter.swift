import Site

/// `sitemap.xml` for a course published at a known address (`--base-url`).
enum SitemapWriter {
    static let fileName = "sitemap.xml"

    /// The course's address, then every lesson page's, as sitemaps.org's XML.
    static func sitemap(base: String, slugs: [String]) -> [UInt8] {
        let urls = [base] + slugs.map { base + HTML.pathURL($0) + "/" }
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + urls.map { "<url><loc>\(HTML.text($0))</loc></url>\n" }.joined() + "</urlset>\n"
        return Array(xml.utf8)
    }
}
