import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A read-only memory map of a whole file (module-internal).
///
/// The CSV reader parses the mapping in place, so the file is never copied; pages already
/// parsed can be dropped (`release(upTo:)`) to keep the peak resident size near the size of
/// the columns. Dropped pages of a clean private mapping read back from the file if touched
/// again.
final class MappedFile: @unchecked Sendable {
  let path: String
  private let pointer: UnsafeMutableRawPointer?
  let count: Int

  /// Maps the file at `path`.
  ///
  /// - Throws: `DataFrameError.io` if it cannot be opened, examined or mapped.
  init(path: String) throws {
    self.path = path
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw DataFrameError.io(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw DataFrameError.io(path: path, reason: String(cString: strerror(errno)))
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw DataFrameError.io(path: path, reason: "not a regular file")
    }
    count = Int(info.st_size)
    guard count > 0 else {
      pointer = nil
      return
    }
    let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
    guard let mapped, mapped != MAP_FAILED else {
      throw DataFrameError.io(path: path, reason: String(cString: strerror(errno)))
    }
    _ = madvise(mapped, count, MADV_SEQUENTIAL)
    pointer = mapped
  }

  deinit {
    if let pointer { munmap(pointer, count) }
  }

  /// The bytes.
  var bytes: UnsafeBufferPointer<UInt8> {
    guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: count)
  }

  /// Drops the resident pages lying wholly inside `from..<to` (safe from several threads on
  /// disjoint ranges).
  func release(from start: Int, to end: Int) {
    guard let pointer else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    guard page > 0 else { return }
    let first = (Swift.max(start, 0) + page - 1) / page * page
    let last = Swift.min(end, count) / page * page
    guard last > first else { return }
    _ = madvise(pointer + first, last - first, MADV_DONTNEED)
  }
}
