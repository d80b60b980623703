package cnn;

/** My helper: a matrix seen through a border of zeros, with the two window operations the CNN needs. */
final class Grid {
    private final double[][] cells;
    private final int border;

    Grid(double[][] cells, int border) {
        this.cells = cells;
        this.border = border;
    }

    int rows() {
        return cells.length + 2 * border;
    }

    int cols() {
        return cells[0].length + 2 * border;
    }

    /** Cell (r, c) of the bordered matrix. */
    double at(int r, int c) {
        int rr = r - border;
        int cc = c - border;
        return rr < 0 || cc < 0 || rr >= cells.length || cc >= cells[0].length ? 0 : cells[rr][cc];
    }

    /** Sum of kernel times the cells under it, kernel's top-left corner at (top, left). */
    double dot(double[][] kernel, int top, int left) {
        double s = 0;
        for (int i = 0; i < kernel.length; i++) {
            for (int j = 0; j < kernel[0].length; j++) {
                s += kernel[i][j] * at(top + i, left + j);
            }
        }
        return s;
    }

    /** Largest cell of the size x size window at (top, left), clipped to the matrix (no border). */
    double max(int top, int left, int size) {
        double m = Double.NEGATIVE_INFINITY;
        for (int r = top; r < Math.min(top + size, cells.length); r++) {
            for (int c = left; c < Math.min(left + size, cells[0].length); c++) {
                m = Double.isNaN(cells[r][c]) ? cells[r][c] : Math.max(m, cells[r][c]);
            }
        }
        return m;
    }
}
