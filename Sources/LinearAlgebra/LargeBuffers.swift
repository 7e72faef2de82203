#if canImport(Glibc)
  import Glibc
#endif

/// Buffers of this many bytes or more ask the kernel for transparent huge pages.
let hugePageThreshold = 4 << 20

/// A new `[Double]` of `count` elements filled by `initialize`, which must write every element.
///
/// Large buffers (4 MiB and up) are advised `MADV_HUGEPAGE` before the first write, as numpy
/// does for its large arrays: on kernels whose transparent-huge-page mode is `madvise` (the
/// Debian default) this turns thousands of 4 KiB page faults into a few 2 MiB ones, which is
/// most of the cost of filling a freshly allocated 40 MB matrix. Small buffers skip the call.
@inlinable
package func makeDoubleBuffer(
  count: Int, _ initialize: (UnsafeMutableBufferPointer<Double>) throws -> Void
) rethrows -> [Double] {
  try [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
    adviseHugePages(buffer)
    try initialize(buffer)
    initialized = count
  }
}

/// Advises huge pages for the 2 MiB-aligned interior of `buffer` when it is large.
@usableFromInline
func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<Double>) {
  #if canImport(Glibc)
    let bytes = buffer.count * MemoryLayout<Double>.stride
    guard bytes >= hugePageThreshold, let base = buffer.baseAddress else { return }
    let page = 2 << 20
    let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
    let end = (Int(bitPattern: base) + bytes) & ~(page - 1)
    guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(pointer, end - start, MADV_HUGEPAGE)
  #endif
}
