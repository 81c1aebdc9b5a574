public enum LessonsKit { public static let version = "0.1.0" }
