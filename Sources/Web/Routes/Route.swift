import Foundation
import Hummingbird
public import Storage

/// A value that fills one `{parameter}` of a route's path.
public protocol PathArgument: Sendable {
    /// The value as one path segment, percent-encoded where it must be.
    var pathSegment: String { get }
}

extension Int64: PathArgument {
    public var pathSegment: String { String(self) }
}

extension Int: PathArgument {
    public var pathSegment: String { String(self) }
}

extension String: PathArgument {
    /// Letters (Chinese ones too), digits and `.-_` stay as they are; anything else is encoded.
    public var pathSegment: String {
        addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? "_"
    }
}

/// What every route tells about itself, whatever its parameters.
public protocol RouteDescription: Sendable {
    /// The path with `{name}` for each parameter.
    var template: String { get }
    /// The record kind each ID parameter names, by parameter name.
    var owns: [String: OwnedRecord] { get }
}

/// One path of the site, the console or the API, with the types of its parameters: every route
/// is registered from one of these and every link, form action and redirect is built from one
/// (`Routes.Console.document.path(id)`), so a path is written once, in `Routes`, and a link with
/// the wrong number or kind of values does not compile. A route names the kind of record each of
/// its ID parameters owns (`owns`), which the staff routes check before the handler runs (see
/// `RecordScope`).
public struct Route<each Argument: PathArgument>: RouteDescription, CustomStringConvertible {
    /// The path with `{name}` for each parameter, as registered and as documented.
    public let template: String
    /// The record kind each ID parameter names, by parameter name.
    public let owns: [String: OwnedRecord]

    public init(_ template: String, owns: [String: OwnedRecord] = [:]) {
        self.template = template
        self.owns = owns
    }

    public var description: String { template }

    /// The parameter names, in order.
    public var parameters: [String] { Routes.parameters(of: template) }

    /// The path as Hummingbird's router matches it.
    var routerPath: RouterPath { RouterPath(stringLiteral: template) }

    /// The path with these values in its parameters.
    public func path(_ arguments: repeat each Argument) -> String {
        var values: [String] = []
        for argument in repeat each arguments { values.append(argument.pathSegment) }
        return Routes.fill(template, with: values)
    }

    /// The path with these values, and a query string of the pairs that have a value.
    public func path(_ arguments: repeat each Argument, query: [(String, String?)]) -> String {
        var values: [String] = []
        for argument in repeat each arguments { values.append(argument.pathSegment) }
        return Routes.fill(template, with: values) + Routes.query(query)
    }
}

/// Every route, by area: `Routes.Portal`, `Routes.Console`, `Routes.API`. The paths are written
/// here and nowhere else.
public enum Routes {
    /// Every route of the portal, the console and the API.
    static var all: [any RouteDescription] { Portal.all + Console.all + API.all }

    static func parameters(of template: String) -> [String] {
        template.split(separator: "/").compactMap { s in s.hasPrefix("{") ? String(s.dropFirst().dropLast()) : nil }
    }

    static func fill(_ template: String, with values: [String]) -> String {
        var next = values.makeIterator()
        let segments = template.split(separator: "/", omittingEmptySubsequences: false).map { s -> String in
            guard s.hasPrefix("{") else { return String(s) }
            guard let value = next.next() else { preconditionFailure("route \(template): too few values") }
            return value
        }
        return segments.joined(separator: "/")
    }

    /// `?k=v&…` of the pairs that have a value (empty when none does), each value encoded.
    public static func query(_ pairs: [(String, String?)]) -> String {
        let set = pairs.compactMap { k, v in v.map { "\(k)=" + encode($0) } }
        return set.isEmpty ? "" : "?" + set.joined(separator: "&")
    }

    /// A query value, encoded.
    public static func encode(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A local path to return to after signing in; anything else (another host, a scheme,
    /// `//evil`) falls back to the console home.
    static func safeReturnPath(_ candidate: String?) -> String {
        guard let p = candidate, p.hasPrefix("/"), !p.hasPrefix("//"), !p.hasPrefix("/\\"), !p.contains("\r"), !p.contains("\n")
        else { return Console.home.path() }
        return p
    }
}
