package dev.veil.driver.jdbc;

import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.ColumnMasks;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * The vendor's rows with the columns the driver masks ({@code veil.masking=driver}) replaced by their masked text,
 * for every getter: a proxy, so that a getter added to {@link ResultSet} later reaches a masked column only through
 * {@link #serve}, which hands out text (string, characters, bytes, streams, Clob) and refuses anything else. Other
 * columns and methods go to the vendor's result set unchanged. The raw value never leaves this class: not in a
 * value, an error, the metadata or {@code unwrap}.
 */
final class MaskedColumns implements InvocationHandler {

    private final ResultSet vendor;
    private final ColumnMasks masks;
    private final Map<String, Integer> columnsByLabel = new HashMap<>();
    /** Whether the last masked value read was NULL; null when the last value read came from the vendor. */
    private Boolean maskedWasNull;

    private MaskedColumns(ResultSet vendor, ColumnMasks masks) {
        this.vendor = vendor;
        this.masks = masks;
    }

    /**
     * The vendor's result set with {@code masks} applied, once its shape is the one they were decided for: a result
     * whose columns differ (the schema changed under the plan) is refused rather than masking the wrong column.
     */
    static ResultSet wrap(ResultSet vendor, ColumnMasks masks) throws SQLException {
        ResultSetMetaData metaData = vendor.getMetaData();
        boolean sameShape = metaData != null && metaData.getColumnCount() == masks.expectedColumns();
        for (int column : masks.columns()) {
            sameShape = sameShape && metaData.getColumnLabel(column).equalsIgnoreCase(masks.expectedLabel(column));
        }
        if (!sameShape) {
            throw VeilErrors.refused("the result's columns are not the ones Veil's analysis expected: the schema"
                    + " changed since Veil read it; run the statement again (rule: result-shape)");
        }
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                new MaskedColumns(vendor, masks));
    }

    /** The vendor's result set behind {@code rows} when they are masked here, else null. */
    static ResultSet vendorOf(ResultSet rows) {
        return Proxy.isProxyClass(rows.getClass()) && Proxy.getInvocationHandler(rows) instanceof MaskedColumns masked
                ? masked.vendor : null;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "veil result set with columns masked in the driver";
            };
        }
        if (args == null) {
            if (name.equals("next")) {
                return vendor.next();
            }
        } else if (name.startsWith("get")) {
            int column = maskedColumn(args[0]);
            if (column > 0) {
                return serve(method, args, column);
            }
            maskedWasNull = null;
            if (args.length == 1 && args[0] instanceof Integer index) {
                // the getters of every row, called without reflection
                switch (name) {
                    case "getString":
                        return vendor.getString(index);
                    case "getInt":
                        return vendor.getInt(index);
                    case "getLong":
                        return vendor.getLong(index);
                    case "getObject":
                        return vendor.getObject(index);
                    default:
                        break;
                }
            }
        }
        switch (name) {
            case "wasNull":
                if (maskedWasNull != null) {
                    return maskedWasNull;
                }
                break;
            case "getMetaData":
                ResultSetMetaData metaData = vendor.getMetaData();
                return metaData == null ? null : MaskedMetaData.wrap(metaData, masks);
            case "unwrap":
                if (((Class<?>) args[0]).isInstance(proxy)) {
                    return proxy;
                }
                throw VeilErrors.refused("unwrap to " + ((Class<?>) args[0]).getName() + " is refused: the driver"
                        + " masks columns of this result as rows are read (rule: masking: driver)");
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(proxy);
            default:
                break;
        }
        try {
            return method.invoke(vendor, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The column a getter names (by 1-based index or label) when the driver masks it, else 0. */
    private int maskedColumn(Object column) throws SQLException {
        Integer index = null;
        if (column instanceof Integer i) {
            index = i;
        } else if (column instanceof String label) {
            index = columnsByLabel.get(label);
            if (index == null) {
                index = vendor.findColumn(label);
                columnsByLabel.put(label, index);
            }
        }
        return index != null && masks.masks(index) ? index : 0;
    }

    private Object serve(Method method, Object[] args, int column) throws SQLException {
        String masked = masks.apply(column, vendor.getString(column));
        maskedWasNull = masked == null;
        switch (method.getName()) {
            case "getString", "getNString":
                return masked;
            case "getObject":
                if (args.length == 2 && args[1] instanceof Class<?> type && !type.isAssignableFrom(String.class)) {
                    throw notText(method, args[0]);
                }
                return masked;
            default:
                break;
        }
        if (masked == null) {
            return nullOf(method.getReturnType());
        }
        return switch (method.getName()) {
            case "getBytes" -> masked.getBytes(StandardCharsets.UTF_8);
            case "getCharacterStream", "getNCharacterStream" -> new StringReader(masked);
            case "getAsciiStream" -> new ByteArrayInputStream(masked.getBytes(StandardCharsets.US_ASCII));
            case "getBinaryStream", "getUnicodeStream" -> new ByteArrayInputStream(
                    masked.getBytes(StandardCharsets.UTF_8));
            case "getClob", "getNClob" -> new MaskedClob(masked);
            default -> throw notText(method, args[0]);
        };
    }

    /** What a getter returns for SQL NULL. */
    private static Object nullOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }

    private static SQLException notText(Method method, Object column) {
        return VeilErrors.refused(method.getName() + " of column " + column + " is refused: the driver masks that"
                + " column as rows are read, and its masked value is text; read it with getString, getObject,"
                + " getCharacterStream or getClob (rule: masking: driver)");
    }

    /** The metadata of a result whose masked columns hold text of any length, read only. */
    private record MaskedMetaData(ResultSetMetaData vendor, ColumnMasks masks) implements InvocationHandler {

        static ResultSetMetaData wrap(ResultSetMetaData vendor, ColumnMasks masks) {
            return (ResultSetMetaData) Proxy.newProxyInstance(ResultSetMetaData.class.getClassLoader(),
                    new Class<?>[] {ResultSetMetaData.class}, new MaskedMetaData(vendor, masks));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "veil result metadata";
                };
            }
            if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                boolean self = ((Class<?>) args[0]).isInstance(proxy);
                if (name.equals("isWrapperFor")) {
                    return self;
                }
                if (self) {
                    return proxy;
                }
                throw VeilErrors.refused("unwrap to " + ((Class<?>) args[0]).getName() + " is refused (rule:"
                        + " masking: driver)");
            }
            if (args != null && args.length == 1 && args[0] instanceof Integer column && masks.masks(column)) {
                switch (name) {
                    case "getPrecision", "getColumnDisplaySize":
                        return Integer.MAX_VALUE;
                    case "isReadOnly":
                        return true;
                    case "isWritable", "isDefinitelyWritable", "isAutoIncrement":
                        return false;
                    case "getColumnClassName":
                        return String.class.getName();
                    case "getColumnType":
                        int type = vendor.getColumnType(column);
                        return type == Types.CLOB ? Types.VARCHAR : type == Types.NCLOB ? Types.NVARCHAR : type;
                    default:
                        break;
                }
            }
            try {
                return method.invoke(vendor, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
