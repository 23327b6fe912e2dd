import Domain
import Foundation

/// Turns an HTML document into a PDF.
public protocol PDFRenderer: Sendable {
    func pdf(fromHTML html: String) async throws -> [UInt8]
}

/// Prints with headless Chromium (Debian's `chromium`): the same engine the public uses, with
/// the CJK fonts of the machine. The binary is `GONGKAI_CHROMIUM`, or `chromium` on the PATH.
public struct ChromiumPDFRenderer: PDFRenderer, Sendable {
    var executable: String
    var timeoutSeconds: Double = 60

    /// The Chromium to use, if one is installed.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChromiumPDFRenderer? {
        if let path = environment["GONGKAI_CHROMIUM"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? ChromiumPDFRenderer(executable: path) : nil
        }
        let dirs = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + ["/usr/bin"]
        for dir in dirs {
            for name in ["chromium", "chromium-browser", "google-chrome"]
            where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return ChromiumPDFRenderer(executable: "\(dir)/\(name)")
            }
        }
        return nil
    }

    public func pdf(fromHTML html: String) async throws -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("letter.html")
        let output = dir.appendingPathComponent("letter.pdf")
        try Data(html.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-pdf-header-footer",
            "--user-data-dir=\(dir.appendingPathComponent("profile").path)", "--print-to-pdf=\(output.path)", input.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            let deadline = timeoutSeconds
            DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { if process.isRunning { process.terminate() } }
        }
        guard status == 0, let data = FileManager.default.contents(atPath: output.path), data.starts(with: Array("%PDF".utf8)) else {
            throw DomainError.conflict("PDF 生成失败（chromium 退出码 \(status)）")
        }
        return [UInt8](data)
    }
}
