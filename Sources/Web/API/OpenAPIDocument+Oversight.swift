extension OpenAPIDocument {
    /// Many agencies on one installation and the supervising level's view.
    static var oversightPaths: Object {
        let site: Object = [
            "type": "object",
            "properties": [
                "agencyId": ["type": "integer"], "host": ["type": "string", "nullable": true], "title": string, "color": string,
                "shownTitle": string,
            ],
        ]
        let input: Object = [
            "type": "object",
            "properties": [
                "host": ["type": "string", "description": "域名，如 cdc.example.gov.cn；空则不设"],
                "title": ["type": "string", "description": "页眉名称；空则用机关名称"],
                "color": ["type": "string", "description": "#rrggbb；白色文字对比度须不低于 4.5:1；空则用默认色"],
            ],
        ]
        return [
            "/api/v1/agency/site": [
                "get": op(
                    "本机关在集约化平台上的网站：域名、名称和主色", tag: "agencies", secured: true, responses: ["200": answer("网站设置", site)]),
                "put": op(
                    "设置本机关的网站（系统管理员）：访问该域名即进入本机关的门户", tag: "agencies", secured: true, body: jsonBody(input),
                    responses: [
                        "200": answer("已保存", site), "409": answer("域名已由其他机关使用", ref("Error")), "422": answer("域名或颜色无效", ref("Error")),
                    ]),
            ]
        ]
    }
}
