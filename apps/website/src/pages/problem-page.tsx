import { Layout, Notice } from './layout';

/** A page that could not be served: what happened, in a sentence, and a way back. */
export function ProblemPage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={title}>
      <Notice tone="error">{message}</Notice>
      <p>
        <a href="/">Back to the flight search</a>
      </p>
    </Layout>
  );
}
