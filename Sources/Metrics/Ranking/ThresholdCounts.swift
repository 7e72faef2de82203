import SwiftLearnCore

/// Weighted true- and false-positive counts at each distinct score, highest score first.
///
/// scikit-learn's `confusion_matrix_at_thresholds` (formerly `_binary_clf_curve`): samples
/// with zero weight are dropped, scores are sorted in decreasing order, and the counts are
/// cumulative sums read at the last sample of each run of equal scores.
struct ThresholdCounts {
  var fps: [Double]
  var tps: [Double]
  var thresholds: [Double]
}

/// Computes ``ThresholdCounts`` for a boolean truth (`positive[i]`).
///
/// The sort is a stable LSD radix sort on the scores' order-preserving bit patterns (four
/// 16-bit passes), which is several times faster than a comparison sort for large inputs.
func thresholdCounts(positive: [Bool], scores: [Double], weights: [Double]?) -> ThresholdCounts {
  var pos = positive
  var sc = scores
  var w = weights
  if let weights, weights.contains(0) {
    var keep: [Int] = []
    keep.reserveCapacity(weights.count)
    for i in 0..<weights.count where weights[i] != 0 { keep.append(i) }
    pos = keep.map { positive[$0] }
    sc = keep.map { scores[$0] }
    w = keep.map { weights[$0] }
  }
  let order = descendingOrder(sc)
  let n = order.count
  var fps: [Double] = []
  var tps: [Double] = []
  var thresholds: [Double] = []
  fps.reserveCapacity(n)
  tps.reserveCapacity(n)
  thresholds.reserveCapacity(n)
  var tp = 0.0
  var fp = 0.0
  pos.withUnsafeBufferPointer { p in
    sc.withUnsafeBufferPointer { s in
      order.withUnsafeBufferPointer { o in
        if let w {
          w.withUnsafeBufferPointer { wb in
            for r in 0..<n {
              let i = Int(o[r])
              if p[i] { tp += wb[i] } else { fp += wb[i] }
              if r == n - 1 || s[Int(o[r + 1])] != s[i] {
                tps.append(tp)
                fps.append(fp)
                thresholds.append(s[i])
              }
            }
          }
        } else {
          for r in 0..<n {
            let i = Int(o[r])
            if p[i] { tp += 1 }
            if r == n - 1 || s[Int(o[r + 1])] != s[i] {
              tps.append(tp)
              fps.append(Double(r + 1) - tp)
              thresholds.append(s[i])
            }
          }
        }
      }
    }
  }
  return ThresholdCounts(fps: fps, tps: tps, thresholds: thresholds)
}

/// The indices that sort `values` in decreasing order (stable), by LSD radix sort.
///
/// Keys are the scores' bit patterns mapped to an order-preserving unsigned integer and
/// inverted (for a decreasing order); six passes of 11 bits with all histograms counted in
/// one read, and passes where every key has the same digit skipped.
func descendingOrder(_ values: [Double]) -> [UInt32] {
  let n = values.count
  var keys = [UInt64](repeating: 0, count: n)
  var index = [UInt32](repeating: 0, count: n)
  let bits = 11
  let passes = 6
  let radix = 1 << bits
  let mask = UInt64(radix - 1)
  var histograms = [Int](repeating: 0, count: passes * radix)
  values.withUnsafeBufferPointer { v in
    keys.withUnsafeMutableBufferPointer { k in
      index.withUnsafeMutableBufferPointer { ix in
        histograms.withUnsafeMutableBufferPointer { h in
          for i in 0..<n {
            let b = v[i].bitPattern
            let ascending = b & (1 << 63) != 0 ? ~b : b | (1 << 63)
            let key = ~ascending
            k[i] = key
            ix[i] = UInt32(truncatingIfNeeded: i)
            for p in 0..<passes {
              h[p * radix + Int((key >> UInt64(p * bits)) & mask)] += 1
            }
          }
        }
      }
    }
  }
  if n < 2 { return index }
  var keys2 = [UInt64](repeating: 0, count: n)
  var index2 = [UInt32](repeating: 0, count: n)
  for pass in 0..<passes {
    let shift = UInt64(pass * bits)
    let trivial: Bool = histograms.withUnsafeMutableBufferPointer { h in
      let base = pass * radix
      let first = Int((keys[0] >> shift) & mask)
      if h[base + first] == n { return true }
      var total = 0
      for d in 0..<radix {
        let t = h[base + d]
        h[base + d] = total
        total += t
      }
      return false
    }
    if trivial { continue }
    keys.withUnsafeBufferPointer { k in
      index.withUnsafeBufferPointer { ix in
        keys2.withUnsafeMutableBufferPointer { k2 in
          index2.withUnsafeMutableBufferPointer { ix2 in
            histograms.withUnsafeMutableBufferPointer { h in
              let base = pass * radix
              for i in 0..<n {
                let key = k[i]
                let d = base + Int((key >> shift) & mask)
                let slot = h[d]
                h[d] = slot + 1
                k2[slot] = key
                ix2[slot] = ix[i]
              }
            }
          }
        }
      }
    }
    swap(&keys, &keys2)
    swap(&index, &index2)
  }
  return index
}

/// Resolves the positive label of a binary ranking metric and checks it.
///
/// `nil` means `1` for `Int` labels (scikit-learn's `pos_label=1` / `{0, 1}` and `{-1, 1}`
/// convention) and the greater label otherwise.
func resolvePositive<Label: ClassLabel>(
  _ yTrue: [Label], _ posLabel: Label?, function: String
) throws -> Label {
  let present = distinctLabels(yTrue, atMost: 2) ?? Array(Set(yTrue)).sorted()
  if posLabel == nil, present.count > 2 {
    throw LearnError.unsupportedInput(
      input: "y_true",
      reason: "\(function) needs a binary target or pos_label; found \(present.count) labels")
  }
  guard let positive = posLabel ?? defaultPositiveLabel(present),
    present.count != 2 || present.contains(positive)
  else {
    throw LearnError.invalidParameter(
      estimator: function, name: "pos_label", value: "\(posLabel.map { "\($0)" } ?? "nil")",
      expected: "one of \(present)")
  }
  return positive
}

/// Checks a binary ranking metric's inputs.
func checkRankingInput<Label>(_ yTrue: [Label], _ yScore: [Double], _ sampleWeight: [Double]?)
  throws
{
  try MetricInput.labels(yTrue, yScore, sampleWeight: sampleWeight, input: "y_score")
  try MetricInput.finite(yScore, input: "y_score")
  try checkSortable(yScore.count)
}

/// The radix sort indexes samples with `UInt32`.
func checkSortable(_ count: Int) throws {
  guard count < Int(UInt32.max) else {
    throw LearnError.unsupportedInput(
      input: "y_score", reason: "\(count) scores; at most \(UInt32.max - 1) are supported")
  }
}

/// The sorted distinct labels of `y` when there are at most `limit` of them, else `nil`.
///
/// A linear scan with a tiny list instead of a hash set: binary targets are the common case
/// and hashing a million labels costs more than the rest of a ROC AUC. `Int` labels take a
/// specialized loop (the generic one goes through witness tables per element).
func distinctLabels<Label: ClassLabel>(_ y: [Label], atMost limit: Int) -> [Label]? {
  let fast: [Int]?? = withIntLabels(y) { ints in
    var seen: [Int] = []
    for v in ints where !seen.contains(v) {
      if seen.count == limit { return nil }
      seen.append(v)
    }
    return seen
  }
  if let fast { return fast.map { $0.sorted().compactMap { $0 as? Label } } }
  var seen: [Label] = []
  for v in y where !seen.contains(v) {
    if seen.count == limit { return nil }
    seen.append(v)
  }
  return seen.sorted()
}

/// `y[i] == positive` for every sample, with a specialized loop for `Int` labels.
func positiveMask<Label: ClassLabel>(_ y: [Label], _ positive: Label) -> [Bool] {
  if let p = positive as? Int, let mask = withIntLabels(y, { $0.map { $0 == p } }) {
    return mask
  }
  return y.map { $0 == positive }
}

/// Runs `body` on `y`'s storage viewed as `Int`s when `Label` is `Int` (no copy, unlike
/// `y as? [Int]`, which converts element by element); `nil` for other label types.
func withIntLabels<Label, R>(_ y: [Label], _ body: (UnsafeBufferPointer<Int>) -> R) -> R? {
  guard Label.self == Int.self else { return nil }
  return y.withUnsafeBufferPointer { b in
    guard let base = b.baseAddress else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    let ints = UnsafeRawPointer(base).assumingMemoryBound(to: Int.self)
    return body(UnsafeBufferPointer(start: ints, count: b.count))
  }
}
