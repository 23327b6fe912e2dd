import Storage

/// Routes of the portal, the console and the API: see `Route`. Generated once from the
/// registrations and kept by hand since.
extension Routes {
    /// The public portal: pages, assets and the forms the public fills in.
    public enum Portal {
        public static let home: Route<> = .init("/")
        public static let about: Route<> = .init("/about")
        public static let disclosure: Route<> = .init("/open")
        public static let disclosureRules: Route<> = .init("/open/rules")
        public static let services: Route<> = .init("/services")
        public static let interaction: Route<> = .init("/interaction")
        public static let agencyGuide: Route<Int64> = .init("/agencies/{id}/guide")
        public static let agencyAnnualReport: Route<Int64, Int> = .init("/agencies/{id}/reports/annual/{year}")
        public static let agencyAnnualReportFile: Route<Int64, Int, String> = .init("/agencies/{id}/reports/annual/{year}/{file}")
        public static let brandAsset: Route<String> = .init("/assets/brand/{file}")
        public static let emblem: Route<String> = .init("/assets/emblem/{file}")
        public static let stylesheet: Route<> = .init("/assets/site.css")
        public static let surveyScript: Route<> = .init("/assets/survey.js")
        public static let readAloudScript: Route<> = .init("/assets/read-aloud.js")
        public static let largeCursor: Route<> = .init("/assets/cursor.svg")
        public static let browse: Route<> = .init("/browse")
        public static let catalog: Route<String> = .init("/catalog/{category}")
        public static let column: Route<String> = .init("/columns/{code}")
        public static let consultations: Route<> = .init("/consultations")
        public static let consultation: Route<Int64> = .init("/consultations/{id}")
        public static let consultationComments: Route<Int64> = .init("/consultations/{id}/comments")
        public static let consultationCommentConfirm: Route<Int64, Int64> = .init("/consultations/{id}/comments/{cid}/confirm")
        public static let document: Route<Int64> = .init("/documents/{id}")
        public static let documentAttachment: Route<Int64, Int64, String> = .init("/documents/{id}/attachments/{attachment}/{name}")
        public static let documentPrint: Route<Int64> = .init("/documents/{id}/print")
        public static let faq: Route<> = .init("/faq")
        public static let feed: Route<String> = .init("/feeds/{feed}")
        public static let favicon: Route<> = .init("/favicon.ico")
        public static let guide: Route<> = .init("/guide")
        public static let healthz: Route<> = .init("/healthz")
        public static let login: Route<> = .init("/login")
        public static let logout: Route<> = .init("/logout")
        public static let mailbox: Route<> = .init("/mailbox")
        public static let mailboxReceipt: Route<> = .init("/mailbox/receipt")
        public static let rateMailboxReply: Route<> = .init("/mailbox/rate")
        public static let mailboxReply: Route<Int64> = .init("/mailbox/replies/{id}")
        public static let trackMailbox: Route<> = .init("/mailbox/track")
        public static let media: Route<> = .init("/media")
        public static let metrics: Route<> = .init("/metrics")
        public static let openDays: Route<> = .init("/open-days")
        public static let openDay: Route<Int64> = .init("/open-days/{id}")
        public static let openDayRegister: Route<Int64> = .init("/open-days/{id}/register")
        public static let plans: Route<> = .init("/plans")
        public static let plan: Route<Int64> = .init("/plans/{id}")
        public static let displayMode: Route<> = .init("/preferences/display")
        public static let annualReports: Route<> = .init("/reports/annual")
        public static let annualReport: Route<Int> = .init("/reports/annual/{year}")
        public static let newRequest: Route<> = .init("/requests/new")
        public static let requestReceipt: Route<> = .init("/requests/receipt")
        public static let trackRequest: Route<> = .init("/requests/track")
        public static let search: Route<> = .init("/search")
        public static let siteErrors: Route<> = .init("/site-errors")
        public static let newSiteError: Route<> = .init("/site-errors/new")
        public static let siteErrorReceipt: Route<> = .init("/site-errors/receipt")
        public static let siteMap: Route<> = .init("/site-map")
        public static let sitemap: Route<> = .init("/sitemap.xml")
        public static let subjects: Route<> = .init("/subjects")
        public static let surveys: Route<> = .init("/surveys")
        public static let survey: Route<Int64> = .init("/surveys/{id}")
        public static let surveyResponses: Route<Int64> = .init("/surveys/{id}/responses")
        public static let surveyResponseConfirm: Route<Int64, Int64> = .init("/surveys/{id}/responses/{rid}/confirm")
        public static let surveyResults: Route<Int64> = .init("/surveys/{id}/results")

        /// Every route above, for the tests that check the router and the API description against them.
        static let all: [any RouteDescription] = [
            home,
            about,
            disclosure,
            disclosureRules,
            services,
            interaction,
            agencyGuide,
            agencyAnnualReport,
            agencyAnnualReportFile,
            brandAsset,
            emblem,
            stylesheet,
            surveyScript,
            readAloudScript,
            largeCursor,
            browse,
            catalog,
            column,
            consultations,
            consultation,
            consultationComments,
            consultationCommentConfirm,
            document,
            documentAttachment,
            documentPrint,
            faq,
            feed,
            favicon,
            guide,
            healthz,
            login,
            logout,
            mailbox,
            mailboxReceipt,
            rateMailboxReply,
            mailboxReply,
            trackMailbox,
            media,
            metrics,
            openDays,
            openDay,
            openDayRegister,
            plans,
            plan,
            displayMode,
            annualReports,
            annualReport,
            newRequest,
            requestReceipt,
            trackRequest,
            search,
            siteErrors,
            newSiteError,
            siteErrorReceipt,
            siteMap,
            sitemap,
            subjects,
            surveys,
            survey,
            surveyResponses,
            surveyResponseConfirm,
            surveyResults,
        ]
    }
}
