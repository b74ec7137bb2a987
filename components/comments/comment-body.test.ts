import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentBody } from "./comment-body";

describe("CommentBody", () => {
  it("renders markup in a body as inert text", () => {
    const html = renderToStaticMarkup(createElement(CommentBody, { body: `<img src=x onerror=alert(1)> & <script>alert("x")</script>` }));
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });
});
