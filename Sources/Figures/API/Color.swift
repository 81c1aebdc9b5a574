/// An sRGB colour with straight (not premultiplied) alpha; components are in 0...1.
package struct Color: Sendable, Hashable {
    /// Red component, 0...1.
    package var red: Double
    /// Green component, 0...1.
    package var green: Double
    /// Blue component, 0...1.
    package var blue: Double
    /// Opacity, 0 (transparent) ... 1 (opaque).
    package var alpha: Double

    /// Creates a colour from components in 0...1.
    package init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Creates a colour from a 24-bit `0xRRGGBB` value, as written in CSS.
    package init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255,
                  green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255,
                  alpha: alpha)
    }

    /// The same colour with a different opacity.
    package func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// Opaque black.
    package static let black = Color(red: 0, green: 0, blue: 0)
    /// Opaque white.
    package static let white = Color(red: 1, green: 1, blue: 1)
    /// Fully transparent black.
    package static let clear = Color(red: 0, green: 0, blue: 0, alpha: 0)
}
