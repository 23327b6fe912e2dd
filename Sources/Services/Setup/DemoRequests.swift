import Domain
import Reports
import Storage

extension DemoContent {
    /// Requests at the stages a handler meets, dated back from today: one near its due date and
    /// asked for by three applicants (Art. 44), one extended, one waiting for a correction, and
    /// one answered with its numbered letter.
    static func loadRequests(into agency: Agency, env: ServiceEnvironment, actor: AuditActor) async throws {
        let calendar = env.calendar.current
        let today = env.today
        func workdaysAgo(_ n: Int) -> CivilDate {
            var day = today
            var left = n
            while left > 0 {
                day = day.adding(days: -1)
                if calendar.isWorkday(day) { left -= 1 }
            }
            return day
        }
        let people: [(String, String, String)] = [
            ("张明", "11010519491231002X", "zhangming@example.com"), ("李华", "110105198001010016", "lihua@example.com"),
            ("王芳", "110105199002020026", ""),
        ]
        let at = env.nowMillis
        var rng = SystemRandomNumberGenerator()
        func make(_ person: Int, _ description: String, _ channel: RequestChannel, _ received: CivilDate, _ delivery: DeliveryMethod)
            -> DisclosureRequest
        {
            let (name, id, email) = people[person]
            return DisclosureRequest(
                agencyID: agency.id, trackingCode: TrackingCode.make(year: received.year, using: &rng), channel: channel,
                applicant: Applicant(
                    type: .naturalPerson, name: name, idNumber: id, phone: "1380000000\(person)", email: email,
                    address: "示范市人民路 \(person + 10) 号"),
                description: description, delivery: delivery, clock: RequestClock(receivedOn: received), createdAtMillis: at,
                updatedAtMillis: at)
        }
        var requests = [
            make(0, "2025年本市托育机构备案名单", .online, workdaysAgo(17), .email),
            make(1, "本市2025年托育机构备案名单及地址", .online, workdaysAgo(12), .email),
            make(2, "托育机构备案名单（2025年）", .letter, workdaysAgo(6), .post),
            make(1, "2025年度本委部门预算中三公经费的明细", .email, workdaysAgo(26), .email),
            make(2, "关于某医院的情况", .inPerson, workdaysAgo(3), .pickup),
            make(0, "2026年上半年本市法定传染病疫情概况", .online, workdaysAgo(15), .email),
        ]
        requests[3].clock.extensions = [
            .init(workdays: 10, reason: "需汇总各预算单位数据", approvedBy: "办公室主任", approvedOn: workdaysAgo(4))
        ]
        requests[4].clock.correctionNoticeOn = workdaysAgo(1)
        requests[4].status = .awaitingCorrection
        requests[5].status = .replied
        requests[5].outcome = .disclosedAlreadyPublic
        requests[5].repliedOn = workdaysAgo(2)
        for i in requests.indices where requests[i].status != .replied {
            requests[i].dueOn = requests[i].clock.compute(env.clocks).dueOn
        }
        let prepared = requests
        try await env.database.audited(by: actor, atMillis: at) { stores, trail in
            for r in prepared {
                let stored = try await stores.requests.create(r)
                try await trail.log(
                    .requestReceive, .request, stored.id, agencyID: agency.id,
                    detail: "示范数据：\(stored.channel.label)，查询码 \(stored.trackingCode)")
                guard stored.status == .replied, let outcome = stored.outcome, let on = stored.repliedOn else { continue }
                let body = ReplyLetterTemplate.draft(
                    outcome: outcome, applicantName: stored.applicant.name, receivedOn: stored.clock.receivedOn,
                    description: stored.description, agencyName: agency.name,
                    details: .init(publishedAt: "本委门户网站“政府信息公开—法定主动公开内容—疾病防控”栏目"), replyOn: on)
                var letter = try await stores.letters.create(
                    ReplyLetter(
                        agencyID: agency.id, requestID: stored.id, outcome: outcome, body: body, createdAtMillis: at, updatedAtMillis: at))
                let serial = try await stores.letters.nextSerial(agencyID: agency.id, year: on.year)
                letter.year = on.year
                letter.serial = serial
                letter.number = ReplyLetter.number(agencyShortName: RequestLetters.shortName(agency.name), year: on.year, serial: serial)
                letter.status = .sent
                letter.sentOn = on
                try await stores.letters.markSent(letter, html: LetterView.render(letter, agencyName: agency.name))
            }
        }
    }
}
