/// Thinning a long polyline for drawing without losing what a reader would see.
enum Decimation {
    /// Keeps, for each run of consecutive points in the same pixel column (`floor(x)`), the
    /// first, the lowest, the highest and the last point, in their original order (the "M4"
    /// scheme). Drawn at one px per column the result covers the same pixels as the input,
    /// so spikes stay visible; at most 4 points per column survive.
    ///
    /// `points` must be sorted by x; non-finite points must already be removed.
    static func minMaxPerColumn(_ points: [Point]) -> [Point] {
        guard points.count > 4 else { return points }
        var out: [Point] = []
        out.reserveCapacity(min(points.count, 4096))
        var start = 0
        while start < points.count {
            let column = points[start].x.rounded(.down)
            var end = start + 1
            var low = start, high = start
            while end < points.count && points[end].x.rounded(.down) == column {
                if points[end].y < points[low].y { low = end }
                if points[end].y > points[high].y { high = end }
                end += 1
            }
            // Indices in increasing order, without repeats.
            var keep = [start, min(low, high), max(low, high), end - 1]
            keep = keep.enumerated().filter { $0.offset == 0 || $0.element != keep[$0.offset - 1] }.map(\.element)
            for i in keep { out.append(points[i]) }
            start = end
        }
        return out
    }

    /// Ramer–Douglas–Peucker: drops points closer than `tolerance` px to the chord between kept
    /// neighbours. Smooth curves shrink to a few dozen points; spikes (far from any chord) stay.
    /// Iterative, so long inputs cannot overflow the stack.
    static func simplified(_ points: [Point], tolerance: Double) -> [Point] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        let limit = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            let a = points[first], b = points[last]
            let dx = b.x - a.x, dy = b.y - a.y
            let length2 = dx * dx + dy * dy
            var worst = -1.0, worstIndex = first
            for i in (first + 1)..<last {
                let p = points[i]
                let d2: Double
                if length2 == 0 {
                    d2 = (p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)
                } else {
                    let cross = dx * (p.y - a.y) - dy * (p.x - a.x)
                    d2 = cross * cross / length2
                }
                if d2 > worst { worst = d2; worstIndex = i }
            }
            if worst > limit {
                keep[worstIndex] = true
                stack.append((worstIndex, last))
                stack.append((first, worstIndex))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }
}
