import { returnedRows } from './returned-rows';

describe('returnedRows', () => {
  it("takes the rows of an UPDATE or DELETE … RETURNING, which TypeORM's PostgreSQL driver answers as [rows, affectedCount]", () => {
    expect(returnedRows([[{ id: 'a' }, { id: 'b' }], 2])).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(returnedRows([[], 0])).toEqual([]);
  });

  it('keeps the rows of an INSERT or SELECT as they are', () => {
    const rows = [{ id: 'a' }, { id: 'b' }];
    expect(returnedRows(rows)).toBe(rows);
    expect(returnedRows([{ id: 'a' }])).toEqual([{ id: 'a' }]);
    expect(returnedRows([])).toEqual([]);
  });

  it('does not mistake two rows for [rows, count]', () => {
    const rows = [[1], 2];
    expect(returnedRows(rows)).toEqual([1]);
    const objects = [{ id: 'a' }, 2];
    expect(returnedRows(objects)).toBe(objects);
  });
});
