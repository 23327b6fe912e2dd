import Services

extension RequestSteps.Fields {
    /// Reads the fields from a submitted console form.
    init(form: FormBody) {
        self.init()
        func text(_ k: String) -> String? { form[k].isEmpty ? nil : form[k] }
        func number(_ k: String) -> Int? { Int(form[k]) }
        noticeOn = text("noticeOn")
        receivedOn = text("receivedOn")
        workdays = number("workdays")
        reason = text("reason")
        approvedBy = text("approvedBy")
        approvedOn = text("approvedOn")
        party = text("party")
        agency = form["agency"] == "on" || form["agency"] == "true"
        sentOn = text("sentOn")
        repliedOn = text("repliedOn")
        outcome = text("outcome")
        deferredTo = text("deferredTo")
        department = text("department")
        question = text("question")
        askedOn = text("askedOn")
        answer = text("answer")
        answeredOn = text("answeredOn")
        basis = text("basis")
        pages = number("pages")
        paidOn = text("paidOn")
        paidYuan = number("paidYuan")
        receiptNumber = text("receiptNumber")
        method = text("method")
        on = text("on")
        item = text("item")
        trackingNumber = text("trackingNumber")
        signedBy = text("signedBy")
        address = text("address")
        publishedAt = text("publishedAt")
        responsibleAgency = text("responsibleAgency")
        note = form.raw("note").isEmpty ? nil : form.raw("note")
        body = form.raw("body").isEmpty ? nil : form.raw("body")
        title = text("title")
    }
}
