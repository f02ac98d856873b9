// /demo: a sample government portal page (clearly marked as a demo) embedding the widget exactly the way
// a portal would, with one script tag. ?mode=inline shows the inline embedding, ?lang=en the English UI.

const NEWS = [
  ['2026-11-20', '关于做好岁末年初根治欠薪工作的通知'],
  ['2026-11-12', '长春市劳动关系领域风险监测预警工作实施方案政策解读'],
  ['2026-11-05', '市人社局开展用人单位劳动关系协调员培训'],
  ['2026-10-28', '关于公布2026年度劳动保障守法诚信等级评价结果的公告'],
  ['2026-10-15', '我市进一步规范企业经济性裁员报告工作'],
] as const;

export function DemoPage({ inline, locale }: { inline: boolean; locale: 'zh' | 'en' }) {
  const widgetAttrs = {
    src: '/widget.js',
    'data-jurisdiction': '220102',
    'data-locale': locale,
    ...(inline ? { 'data-mode': 'inline', 'data-target': '#report-widget' } : {}),
  };
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <meta name="robots" content="noindex" />
        <title>演示门户 — 长春市人力资源和社会保障局（示例）</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body class="portal">
        <p class="demo-banner">
          演示页面
          DEMO：本页仅用于演示如何在政府门户网站嵌入“劳动关系风险速报”窗口，并非长春市人力资源和社会保障局官方网站。
        </p>
        <header class="portal-head">
          <div class="wrap">
            <p class="portal-name">长春市人力资源和社会保障局（示例）</p>
            <p class="portal-sub">Changchun Human Resources and Social Security Bureau — demo</p>
          </div>
        </header>
        <nav class="portal-nav" aria-label="栏目导航">
          <ul class="wrap">
            <li>
              <a href="/demo">首页</a>
            </li>
            <li>
              <a href="/demo?mode=inline">在线速报（内嵌）</a>
            </li>
            <li>
              <a href="/report">表单填报</a>
            </li>
            <li>
              <a href="/status">进度查询</a>
            </li>
            <li>
              <a href={locale === 'en' ? '/demo' : '/demo?lang=en'} lang={locale === 'en' ? 'zh-CN' : 'en'}>
                {locale === 'en' ? '中文' : 'English widget'}
              </a>
            </li>
          </ul>
        </nav>
        <main class="wrap portal-main" id="main">
          <section class="portal-col">
            <h1>劳动关系风险监测预警</h1>
            <p>
              用人单位发生破产、欠薪、裁员、停工等劳动关系风险事项时，请劳动关系协调员及时通过
              {inline ? '下方的在线速报窗口' : '页面右下角的“劳动关系风险速报”按钮'}
              填报《用人单位速报表》，也可使用<a href="/report">网页表单</a>填报。
            </p>
            {inline ? <div id="report-widget" class="inline-slot" /> : null}
          </section>
          <section class="portal-col">
            <h2>通知公告</h2>
            <ul class="news">
              {NEWS.map(([date, title]) => (
                <li>
                  <span class="news-title">{title}</span>
                  <span class="news-date">{date}</span>
                </li>
              ))}
            </ul>
          </section>
        </main>
        <footer class="portal-foot">
          <div class="wrap">
            <p>演示页面 · 主办单位信息仅为示例 · 嵌入代码见项目 README“Embedding the widget”。</p>
          </div>
        </footer>
        <script {...widgetAttrs} async />
      </body>
    </html>
  );
}
