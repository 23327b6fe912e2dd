/// The site's one stylesheet, served from `/assets/site.css` with a long cache lifetime.
import Services

///
/// Colours meet WCAG 2.1 AA: body text #1a1a1a on white is 17:1, links #0b4f9c on white 8.2:1,
/// header text white on #8c1c13 9.2:1, hints #4a4a4a on white 8.9:1. Elderly mode enlarges
/// type to 22px, thickens focus rings, underlines every link and drops to one column.
enum Stylesheet {
    static let css = """
        *,*::before,*::after{box-sizing:border-box}
        html{font-size:100%;-webkit-text-size-adjust:100%}
        body{margin:0;font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;font-size:1rem;line-height:1.7;color:#1a1a1a;background:#fff}
        .wrap,main{max-width:72rem;margin:0 auto;padding:0 1rem}
        main{padding-top:1rem;padding-bottom:2rem;min-height:60vh}
        a{color:#0b4f9c}
        a:hover{color:#062c57}
        :focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 6px #ffd21f}
        .skip-link{position:absolute;left:-999px;top:0;background:#ffd21f;color:#1a1a1a;padding:.5rem 1rem;z-index:10}
        .skip-link:focus{left:1rem}
        .site-header{background:#8c1c13;color:#fff;padding:.5rem 0}
        .site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem}
        .site-header a,.site-header .link-button{color:#fff}
        .site-name{font-size:1.25rem;font-weight:bold;margin:.25rem 0;flex:1 1 auto}
        .site-name a{text-decoration:none;display:inline-flex;align-items:center;gap:.6rem}
        .site-emblem{height:3rem;width:auto;max-width:8rem;background:#fff;border-radius:4px;padding:2px}
        nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
        .subnav{margin:0 0 1rem;padding:.5rem 0;border-bottom:1px solid #ddd}
        form.inline{display:inline;margin:0}
        .link-button{background:none;border:0;padding:0;font:inherit;text-decoration:underline;cursor:pointer}
        .queue-counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.75rem}
        .queue-counts a{display:flex;flex-direction:column;align-items:center;min-width:7rem;padding:.5rem 1rem;border:2px solid #8c1c13;border-radius:6px;text-decoration:none;color:#1a1a1a}
        .queue-counts .queue-count{font-size:1.6rem;font-weight:bold;color:#8c1c13}
        .console-footer{font-size:.9rem}
        .reader-tools{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        .reader-tools form{margin:0}
        .read-aloud{background:#fff;color:#8c1c13;border:2px solid #fff;border-radius:4px;padding:.25rem .75rem;font:inherit;font-weight:bold;cursor:pointer}
        .read-aloud[aria-pressed=true]{background:#ffd21f;color:#1a1a1a}
        .mode-switch button{background:#fff;color:#8c1c13;border:2px solid #fff;border-radius:4px;padding:.25rem .75rem;font:inherit;font-weight:bold;cursor:pointer}
        .site-footer{border-top:4px solid #8c1c13;background:#f3f3f3;padding:1rem 0;font-size:.9rem}
        .site-footer p{margin:.25rem 0}
        h1{font-size:1.6rem;line-height:1.3}
        h2{font-size:1.25rem;border-left:4px solid #8c1c13;padding-left:.5rem}
        table{border-collapse:collapse;width:100%;margin:1rem 0}
        th,td{border:1px solid #767676;padding:.4rem .6rem;text-align:left;vertical-align:top}
        th{background:#f0f0f0}
        caption{text-align:left;font-weight:bold;padding:.25rem 0}
        .doc-list{list-style:none;padding:0}
        .doc-list li{border-bottom:1px solid #d0d0d0;padding:.6rem 0;display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem 1rem}
        .doc-meta{color:#4a4a4a;font-size:.9rem}
        .field{margin:0 0 1rem}
        .field label,fieldset legend{display:block;font-weight:bold;margin-bottom:.25rem}
        .field input[type=text],.field input[type=password],.field input[type=date],.field input[type=number],.field input[type=tel],.field input[type=email],.field input[type=url],.field input[type=search],.field input:not([type]),.field select,textarea{width:100%;max-width:28rem;font:inherit;padding:.5rem;border:2px solid #4a4a4a;border-radius:4px}
        textarea{max-width:40rem}
        .has-error input,.has-error textarea{border-color:#b00020}
        .field-error{color:#b00020;font-weight:bold;margin:.25rem 0}
        .hint{color:#4a4a4a;margin:.25rem 0;font-size:.9rem}
        fieldset{border:1px solid #767676;margin:0 0 1rem;padding:.5rem 1rem}
        .choice{display:block;padding:.2rem 0}
        .survey-q .choice{padding:.45rem 0;min-height:2.5rem}
        .survey-q .choice input{width:1.3rem;height:1.3rem;vertical-align:middle}
        .survey-q.has-error{border:2px solid #b00020}
        .scale .choice{display:inline-block;margin-right:1.2rem}
        .required-mark{color:#b00020;font-weight:normal;margin-left:.25rem}
        [hidden]{display:none!important}
        .chart-pair{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
        svg.chart{width:100%;max-width:30rem;height:auto}
        .chart-pair table{flex:1 1 14rem}
        pre.outline{white-space:pre-wrap;background:#f6f6f6;padding:.75rem}
        button,.button{font:inherit;background:#8c1c13;color:#fff;border:2px solid #8c1c13;border-radius:4px;padding:.5rem 1.25rem;cursor:pointer;text-decoration:none;display:inline-block}
        button.secondary{background:#fff;color:#8c1c13}
        .alert{border-left:6px solid #b00020;background:#fdecee;padding:.5rem 1rem;margin:1rem 0}
        .alert-ok{border-color:#1b6e20;background:#e9f5ea}
        .guide dt{font-weight:bold;float:left;clear:left;width:9em}
        .guide dd{margin:0 0 .4rem 9em}
        .empty{color:#4a4a4a}
        .pager{display:flex;gap:1rem;margin:1rem 0}
        .filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}
        .filters .field input{max-width:14rem}
        .doc-body{max-width:48rem}
        .doc-body h2,.doc-body h3,.doc-body h4{border:0;padding:0;margin:1.25rem 0 .5rem}
        .table-wrap{overflow-x:auto}
        .filter-row{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}
        .oversight-units td.rate{white-space:nowrap}
        .oversight-units th[scope=row]{min-width:9rem}
        td.rate.low{color:#b00020;font-weight:bold}
        td .count{display:block;color:#4a4a4a;font-size:.85rem;font-weight:normal}
        .indicator{margin-bottom:1.5rem}
        tr.overdue td{background:#fdecee;font-weight:bold}
        .doc-tools{margin:1rem 0}
        body.print-view main{max-width:48rem;padding:1rem}
        .diff-lines{list-style:none;padding:0;font-size:.95rem;max-width:56rem}
        .diff-lines li{padding:.1rem .5rem;white-space:pre-wrap;border-left:4px solid transparent}
        .diff-added{background:#e9f5ea;border-color:#1b6e20!important}
        .diff-removed{background:#fdecee;border-color:#b00020!important}
        .diff-mark{display:inline-block;width:1.5em;font-weight:bold}
        ins{background:#b7e1b9;text-decoration:underline}
        del{background:#f6c1c8;text-decoration:line-through}
        .search-box{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0}
        .search-box label{font-weight:bold;width:100%}
        .search-box input{flex:1 1 12rem;font:inherit;padding:.5rem;border:2px solid #4a4a4a;border-radius:4px}
        .category-list{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
        mark{background:#ffe066;color:#1a1a1a}
        .snippet{margin:.25rem 0;color:#1a1a1a}
        .tag{display:inline-block;border:1px solid #767676;border-radius:3px;padding:0 .4rem;margin:0 .25rem .25rem 0;font-size:.85rem}
        .breadcrumb{background:#f3f3f3;border-bottom:1px solid #d0d0d0;font-size:.95rem}
        .breadcrumb .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .25rem;padding-top:.4rem;padding-bottom:.4rem}
        .breadcrumb ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
        .breadcrumb li+li::before{content:"›";padding:0 .4rem;color:#4a4a4a}
        .breadcrumb-label{color:#4a4a4a}
        .home-grid,.section-groups{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,20rem),1fr));gap:0 2rem}
        .home-block .doc-list li,.section-page .doc-list li{padding:.4rem 0}
        .more{text-align:right;margin:.25rem 0 1rem}
        .entry-list{list-style:none;padding:0}
        .entry-list li{padding:.4rem 0;border-bottom:1px solid #e0e0e0}
        .entry-list .doc-meta{display:block}
        .report-error-home{margin-top:.5rem}
        .lead{font-size:1.05rem;max-width:48rem}
        .site-registration{margin-top:.75rem;color:#1a1a1a}
        .site-registration a{color:#0b4f9c}
        .conac img{height:auto}
        html.elderly{font-size:137.5%}
        body.text-only{background:#fff;color:#000}
        .text-only img,.text-only svg,.text-only .conac{display:none!important}
        .text-only .site-header{background:#fff;color:#000;border-bottom:2px solid #000}
        .text-only .site-header a,.text-only .site-header .link-button{color:#00337a!important}
        .text-only button,.text-only .button,.text-only .mode-switch button{background:#fff!important;color:#000!important;border:2px solid #000!important}
        .text-only h2{border-left:0;padding-left:0}
        .text-only .site-footer{background:#fff;border-top:2px solid #000}
        .text-only .breadcrumb{background:#fff}
        body.elderly{line-height:1.8;color:#000;cursor:url(/assets/cursor.svg) 4 2,auto}
        body.elderly a,body.elderly button,body.elderly input,body.elderly select,body.elderly textarea,body.elderly label{cursor:url(/assets/cursor.svg) 4 2,pointer}
        body.elderly main a:hover{outline:3px solid #ffd21f;background:#fff8d6}
        body.elderly .read-aloud{padding:.75rem 1.5rem;color:#8c1c13}
        body.elderly h1{font-size:1.6rem}
        body.elderly a.button,body.elderly .button,body.elderly button:not(.link-button){color:#fff;text-decoration:none}
        body.elderly .mode-switch button{color:#8c1c13}
        body.elderly button.secondary{color:#8c1c13}
        body.elderly .site-footer{font-size:.9rem}
        body.elderly .wrap,body.elderly main{max-width:48rem}
        body.elderly a{color:#00337a;text-decoration:underline;font-weight:bold}
        body.elderly .doc-list li{display:block}
        body.elderly :focus-visible{outline-width:4px}
        body.elderly button:not(.link-button){padding:.75rem 1.5rem}
        body.elderly .site-header a{color:#fff}
        body.elderly th,body.elderly td{border-color:#000}
        body.elderly .hint,body.elderly .doc-meta,body.elderly .empty{color:#1a1a1a}
        @media (max-width:40rem){.guide dt{float:none;width:auto}.guide dd{margin-left:0}th,td{padding:.3rem}
        table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
        table.stack caption{display:block;width:100%}
        table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        table.stack tr{border:1px solid #767676;border-radius:4px;margin:0 0 .75rem;padding:.25rem .6rem}
        table.stack td{border:0;padding:.15rem 0;overflow-wrap:anywhere}
        table.stack td[data-label]::before{content:attr(data-label) "\\FF1A";display:inline-block;margin-right:.5em;font-weight:bold;color:#1a1a1a}}
        .trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
        .consultation .para{border-left:3px solid #d0d0d0;padding-left:.8rem;margin:1.2rem 0}
        .para-number{display:inline-block;min-width:1.8em;margin-right:.4em;color:#595959;font-size:.85em;font-weight:bold}
        .para-comments{background:#f5f5f5;padding:.2rem .8rem;margin:.4rem 0}.para-comments h3{font-size:1rem;margin:.4rem 0}
        .consultation ul{padding-left:0}.comment{list-style:none;border-bottom:1px solid #ddd;padding:.4rem 0}.comment p{margin:.2rem 0}
        .consultation details>summary{cursor:pointer;color:#8b1a1a;padding:.6rem 0;min-height:2.75rem;box-sizing:border-box}
        .comment-form textarea,.comment-form input{width:100%;box-sizing:border-box}
        .annual-report h1{text-align:center}.annual-report p{max-width:48rem}
        .report-table th,.report-table td{text-align:center;vertical-align:middle}.report-table th[scope=row]{text-align:left}
        .report-table td{white-space:nowrap}.report-table .corner{font-size:.85rem;text-align:left;min-width:10rem}
        .report-table caption{font-weight:bold;text-align:left}.entered{color:#8a4b00;font-weight:bold}
        .report-digest{font-size:.85rem;color:#4a4a4a;overflow-wrap:anywhere}
        .tracking-code{font-size:1.6em;font-weight:bold;letter-spacing:.08em;font-family:monospace}
        .alert-success{border-left:4px solid #2e7d32;background:#edf7ee}
        .request-form textarea,.request-form input,.request-form select{width:100%;box-sizing:border-box}
        select{font-size:1em;padding:.4rem;min-height:2.6rem;max-width:100%}
        .request-file details{border:1px solid #ccc;border-radius:4px;margin:.4rem 0;padding:0 .8rem}
        .request-file summary{cursor:pointer;padding:.6rem 0;font-weight:bold}
        .request-file details[open]{padding-bottom:.8rem}
        .request-file dl.record dt{font-weight:bold;margin-top:.4rem}
        .request-file dl.record dd{margin-left:1.5rem}
        .request-file .letter-edit textarea{width:100%;box-sizing:border-box;font-size:1em;line-height:1.6}
        .request-file .due{font-size:1.2em;font-weight:bold}
        tr.due-soon td{background:#fff8e1}
        .plan-progress ul.tasks{list-style:none;padding:0}
        .plan-progress li.subtask{margin-left:1.5rem}
        .plan-progress progress{width:12rem;max-width:60%;height:1.1rem;vertical-align:middle}
        .ledger-task{border-top:1px solid #ddd;padding:.6rem 0}.ledger-task.subtask{margin-left:1.5rem}
        .ledger-task.overdue h3{color:#a00}
        .tabs ul{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap}
        .tabs a[aria-current]{font-weight:bold;text-decoration:none;border-bottom:3px solid #8b1a1a}
        @media print{
        .site-header nav,.mode-switch,.reader-tools,.breadcrumb,.skip-link,.pager,.filters,form button,.no-print{display:none!important}
        .site-header{background:none;color:#000;border-bottom:2px solid #000}
        .site-header a{color:#000}
        body{font-size:12pt;color:#000}
        a{color:#000;text-decoration:none}
        .doc-body a[href^="http"]::after{content:" (" attr(href) ")"}
        .site-footer{background:none}
        }
        """

    /// `/assets/brand/{agency}-{rrggbb}.css`: the colour is in the name, so a new colour is a new
    /// file and no cache serves the old one.
    static func brandPath(agencyID: Int64, color: String) -> String {
        Routes.Portal.brandAsset.path("\(agencyID)-\(color.dropFirst()).css")
    }

    /// The rules that carry the accent colour, for an agency's own colour.
    static func brand(_ color: String) -> String {
        ".site-header{background:\(color)}.site-footer{border-top-color:\(color)}h2{border-left-color:\(color)}"
            + ".mode-switch button{color:\(color)}\n"
    }
}
