/// Where two byte strings first differ (nil if equal), so failures print an offset, not two dumps.
func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
    let common = min(a.count, b.count)
    if let index = (0..<common).first(where: { a[$0] != b[$0] }) { return index }
    return a.count == b.count ? nil : common
}
