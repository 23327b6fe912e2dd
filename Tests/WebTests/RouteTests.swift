import Foundation
import Hummingbird
import Testing

@testable import Web

/// The router and the route list agree: every registered path is declared in `Routes` (so it
/// was registered from a route, and every link to it is built from the same one), and every
/// declared route is registered.
@Suite struct RouteTests {
    @Test func everyRegisteredPathIsADeclaredRoute() async throws {
        let h = try await Harness.make("sqlite", demo: false)
        let registered = Set(buildRouter(h.env).routes.map { $0.path.description })
        await h.close()
        let declared = Set(Routes.all.map(\.template))
        #expect(registered.subtracting(declared).sorted() == [])
        #expect(declared.subtracting(registered).sorted() == [])
        #expect(declared.count == Routes.all.count)  // each path declared once
    }

    @Test func pathsAreFilledAndEncoded() {
        #expect(Routes.Console.document.path(42) == "/console/documents/42")
        #expect(Routes.Console.requestConsultationClose.path(7, 2) == "/console/requests/7/consultations/2/close")
        #expect(Routes.Portal.documentAttachment.path(1, 2, "附件 1.pdf") == "/documents/1/attachments/2/%E9%99%84%E4%BB%B6%201.pdf")
        #expect(Routes.Portal.column.path("a/b") == "/columns/a%2Fb")
        #expect(Routes.Portal.search(query: "疫苗 接种", page: 2) == "/search?q=%E7%96%AB%E8%8B%97%20%E6%8E%A5%E7%A7%8D&page=2")
        #expect(Routes.Portal.login(next: "/console?x=1&y=2") == "/login?next=/console%3Fx%3D1%26y%3D2")
        #expect(Routes.safeReturnPath("//evil.example") == "/console")
    }

    @Test func staffRoutesStateTheRecordsTheyOwn() {
        #expect(Routes.Console.documentAttachment.owns == ["id": .document, "attachment": .attachment])
        #expect(Routes.API.ledgerTask.owns == ["tid": .task])
        // Every ID parameter of a staff route is stated, or known not to name a record.
        for route in Routes.Console.all + Routes.API.all where !route.template.hasPrefix("/api/v1/public/") {
            for parameter in Routes.parameters(of: route.template) {
                #expect(route.owns[parameter] != nil || RecordScope.unscoped.contains(parameter), "\(route.template): \(parameter)")
            }
        }
    }
}
