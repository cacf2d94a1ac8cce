export function Comment({ comment }) {
  return (
    <div>
      {/* ruleid: js-react-dangerous-html */}
      <p dangerouslySetInnerHTML={{ __html: comment.body }} />
      {/* ok: js-react-dangerous-html */}
      <p dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />
      {/* ok: js-react-dangerous-html */}
      <p dangerouslySetInnerHTML={{ __html: "<br/>" }} />
    </div>
  );
}

// ruleid: js-react-dangerous-html
const el = React.createElement("div", { dangerouslySetInnerHTML: { __html: markdown(text) } });

// ok: js-react-dangerous-html
const plain = <p>{comment.body}</p>;
