package dev.veil.driver.jdbc;

import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.ColumnMasks;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSetMetaData;
import java.sql.Types;

/**
 * The metadata of a result whose columns the driver masks: the masked columns hold text of any length, read only.
 * A proxy, because it is made once per result rather than read per row, and so that a method added to
 * {@link ResultSetMetaData} later still reaches the vendor only through {@link #invoke}.
 */
record MaskedMetaData(ResultSetMetaData vendor, ColumnMasks masks) implements InvocationHandler {

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
