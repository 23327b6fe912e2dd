import Domain
import Storage

extension DemoContent {
    static let surveyOutline = """
        1. 【单选】您的年龄段 *
        - 18 岁以下
        - 18 至 44 岁
        - 45 至 59 岁
        - 60 岁及以上
        2. 【多选】您通常通过哪些渠道了解卫生健康政策？ *
        - 政府网站
        - 微信公众号
        - 电视、广播
        - 医院、社区宣传栏
        3. 【量表 1-5】您对本委政务公开工作的总体满意度 *
        4. 【填空】请说明不满意的原因（当第 3 题选 1、2 时显示）
        5. 【单选】您是否使用过网站的“长者模式”（大字版）？（当第 1 题选 4 时显示）
        - 使用过，很方便
        - 使用过，还需改进
        - 没有使用过
        6. 【填空】您希望我们公开哪些信息？
        """

    /// An open satisfaction survey with its results public, and sixty responses drawn from a
    /// fixed pattern so the charts have something to show.
    static func loadSurveys(into agency: Agency, env: ServiceEnvironment, actor: AuditActor) async throws {
        let today = env.today
        let draft = Survey(
            agencyID: agency.id, title: "\(today.year)年卫生健康政务公开满意度问卷调查",
            intro: "为了解公众对我委政务公开工作的意见和建议，特开展本次问卷调查，约需 3 分钟。问卷匿名填写，结果仅用于改进工作。",
            questions: try SurveyOutline.parse(surveyOutline), opensOn: today.adding(days: -10), closesOn: today.adding(days: 20),
            published: true, resultsPublic: true, createdAtMillis: env.nowMillis)
        let wishes = ["医疗机构执业信息", "", "家庭医生签约的具体流程", "", "", "疫苗接种门诊的开放时间", ""]
        let reasons = ["有些文件找不到", "字太小，手机上看不清"]
        try await env.database.audited(by: actor, atMillis: env.nowMillis) { stores, trail in
            let s = try await stores.surveys.create(draft)
            for i in 0..<60 {
                let age = [2, 2, 3, 4, 2, 3, 4, 1, 2, 3][i % 10]
                let points = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4, 3, 5][i % 12]
                var answers: [Int: SurveyAnswer] = [
                    1: .init(choices: [age]), 2: .init(choices: i % 3 == 0 ? [1, 2] : i % 3 == 1 ? [2] : [3, 4]), 3: .init(value: points),
                ]
                if points <= 2 { answers[4] = .init(text: reasons[i % reasons.count]) }
                if age == 4 { answers[5] = .init(choices: [[1, 1, 2, 3][i % 4]]) }
                if !wishes[i % wishes.count].isEmpty { answers[6] = .init(text: wishes[i % wishes.count]) }
                _ = try await stores.surveys.addResponse(
                    SurveyResponse(surveyID: s.id, answers: try s.accept(answers), createdAtMillis: env.nowMillis - Int64(i) * 3_600_000))
            }
            try await trail.log(.surveyCreate, .survey, s.id, detail: s.title)
        }
    }
}
