import CCairo
public enum FiguresProbe { public static func v() -> Int { Int(cairo_version()) } }
