import SwiftLearn

/// Benchmarks of feature construction, text, selection and PCA (issue 4).
let featureBenchmarks: [Benchmark] = [
  Benchmark(
    name: "tfidf_vectorizer",
    summary:
      "TfidfVectorizer().fitTransform on --n generated short documents over a 2,000-word "
      + "vocabulary (fit_s); metric = sum of all output entries",
    input: "--n DOCUMENTS", run: runTfidfVectorizer)
]

/// The synthetic corpus of `Benchmarks/specs/features.py`: `count` documents of 8 to 20 words
/// drawn from `vocabularySize` distinct words by a 64-bit LCG, so both sides read the same text.
func syntheticCorpus(count: Int, vocabularySize: Int = 2000) -> [String] {
  let letters = Array("abcdefghijklmnopqrstuvwxyz")
  let suffixes = ["", "a", "ab", "abc"]
  let words: [String] = (0..<vocabularySize).map { i in
    var v = i
    var stem = ""
    for _ in 0..<3 {
      stem.append(letters[v % 26])
      v /= 26
    }
    return stem + suffixes[i % 4]
  }
  var state: UInt64 = 12345
  func next() -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int(state >> 33)
  }
  var documents: [String] = []
  documents.reserveCapacity(count)
  for _ in 0..<count {
    let length = 8 + next() % 13
    var parts: [String] = []
    parts.reserveCapacity(length)
    for _ in 0..<length { parts.append(words[next() % vocabularySize]) }
    documents.append(parts.joined(separator: " ") + ".")
  }
  return documents
}

func runTfidfVectorizer(_ options: Options) throws {
  let n = options.n ?? 20000
  let documents = syntheticCorpus(count: n)
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var result: (fitted: TfidfVectorizer.Fitted, output: Matrix)?
    let time = try benchClock.measure { result = try TfidfVectorizer().fitTransform(documents) }
    guard let (fitted, x) = result, x.rowCount == n,
      x.columnCount == fitted.vocabulary.count
    else {
      throw BenchError.check(benchmark: "tfidf_vectorizer", reason: "wrong output shape")
    }
    let total = x.storage.reduce(0, +)
    blackHole(fitted)
    blackHole(x)
    return Measurement(
      estimator: "TfidfVectorizer", dataset: "\(n) documents", n: n, d: x.columnCount,
      fitSeconds: time.seconds, predictSeconds: nil, metricName: "sum", metric: total,
      repeatIndex: k, threads: BLASThreads.count)
  }
}
