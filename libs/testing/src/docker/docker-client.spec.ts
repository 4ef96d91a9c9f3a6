import { demultiplex } from './docker-client';

const frame = (stream: 1 | 2, text: string) => {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

describe('demultiplex', () => {
  it('joins frames that cut a line, adding nothing between them', () => {
    const raw = Buffer.concat([frame(1, '{"status":'), frame(1, '200}\n'), frame(1, 'next\n')]);
    expect(demultiplex(raw)).toEqual({ both: '{"status":200}\nnext\n', stdout: '{"status":200}\nnext\n' });
  });

  it('keeps both streams in the order they came, and stdout alone', () => {
    const raw = Buffer.concat([frame(1, 'out 1\n'), frame(2, 'warning\n'), frame(1, 'out 2\n')]);
    expect(demultiplex(raw)).toEqual({ both: 'out 1\nwarning\nout 2\n', stdout: 'out 1\nout 2\n' });
  });
});
